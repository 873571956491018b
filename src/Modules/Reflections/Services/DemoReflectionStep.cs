using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// Demo mode: the demo cohort's schedule, its first released assignments, two reflections waiting for
/// review and one accepted with feedback, so every role has something to look at. Runs once.
/// </summary>
public sealed class DemoReflectionStep(AppDbContext db, Dispatcher dispatcher, WorkService work, ReviewService reviews) : IImportStep
{
    public int Order => 30;

    private const string DemoText =
        "In a team meeting I wanted to decide the new routine for morning visits myself, because I know the procedure best. " +
        "When I instead asked my colleagues what they had noticed, the night staff described things I had never seen. " +
        "I felt impatient at first. Next time I will ask before I propose, and write down who knows what in our team.";

    public async Task RunAsync(ImportContext context, CancellationToken cancellationToken)
    {
        if (!context.DemoMode)
        {
            return;
        }

        await dispatcher.SyncMembersAsync(cancellationToken);
        await dispatcher.RunAsync(cancellationToken);
        if (await db.Set<Submission>().AnyAsync(cancellationToken))
        {
            return;
        }

        var people = await db.Users.Where(u => u.Email == "trainee1@demo.local" || u.Email == "trainee2@demo.local" || u.Email == "trainee3@demo.local")
            .OrderBy(u => u.Email).Select(u => u.Id).ToListAsync(cancellationToken);
        var trainer = await db.Users.Where(u => u.Email == "trainer1@demo.local").Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var items = await db.Set<AssignmentWork>().Where(w => people.Contains(w.UserId) && w.LessonKey.EndsWith("/reflection"))
            .OrderBy(w => w.Id).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            await work.SubmitAsync(item, DemoText, "demo", confirmed: true, item.UserId, cancellationToken);
            if (item.UserId == people.LastOrDefault() && trainer != Guid.Empty)
            {
                await reviews.ReviewAsync(item, item.Versions, ReviewDecision.Accepted, "Thank you. **Asking first** is exactly the co-creation move of this module.", trainer, cancellationToken);
            }
        }
    }
}
