using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// Demo mode: the demo cohort's schedule and everything released by now (the cohort started weeks ago), some
/// reflections handed in a few days before their due date, some waiting for review (oldest first: trainee1,
/// trainee2, trainee11), one accepted with feedback (trainee3, trainee11) and one sent back for a revision
/// (trainee6), so every role has something to look at on the first run. Runs once: skipped as soon as anyone has handed in.
/// </summary>
public sealed class DemoReflectionStep(DbContext db, Dispatcher dispatcher, WorkService work, ReviewService reviews, IProgrammeOutline outline) : IImportStep
{
    public int Order => 30;

    private const string DemoText =
        "In a team meeting I wanted to decide the new routine for morning visits myself, because I know the procedure best. " +
        "When I instead asked my colleagues what they had noticed, the night staff described things I had never seen. " +
        "I felt impatient at first. Next time I will ask before I propose, and write down who knows what in our team.";

    /// <summary>Who hands in which module's reflection, and what the trainer decided (null: still waiting).</summary>
    private static readonly (string Email, int Module, ReviewDecision? Decision, string Feedback)[] Plan =
    [
        ("trainee1@demo.local", 1, null, ""),
        ("trainee2@demo.local", 1, null, ""),
        ("trainee3@demo.local", 1, ReviewDecision.Accepted, "Thank you. **Asking first** is exactly the co-creation move of this module."),
        ("trainee6@demo.local", 1, ReviewDecision.RevisionRequested, "A good start. Add one or two sentences on what you will do differently next time, and who you will ask."),
        ("trainee11@demo.local", 1, ReviewDecision.Accepted, "Clear and honest. Keep noting **who knows what** in your team."),
        ("trainee11@demo.local", 2, null, ""),
    ];

    public async Task RunAsync(ImportContext context, CancellationToken cancellationToken)
    {
        if (!context.DemoMode)
        {
            return;
        }

        // Once: a hand-in means the demo's reflections were made (one query on every later start). From then on the
        // dispatcher's job (every minute) keeps releasing and reminding; running it here too cost half a second a start.
        if (await db.Set<Submission>().AnyAsync(cancellationToken))
        {
            return;
        }

        await dispatcher.SyncMembersAsync(cancellationToken);
        await dispatcher.RunAsync(cancellationToken);

        var emails = Plan.Select(p => p.Email).Distinct().ToList();
        var people = await db.Set<AppUser>().Where(u => emails.Contains(u.Email!)).ToDictionaryAsync(u => u.Email!, u => u.Id, cancellationToken);
        var trainer = await db.Set<AppUser>().Where(u => u.Email == "trainer1@demo.local").Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        var ids = people.Values.ToList();
        var items = await db.Set<AssignmentWork>().Where(w => ids.Contains(w.UserId) && w.LessonKey.EndsWith("/reflection")).ToListAsync(cancellationToken);
        var modules = await db.Set<ScheduledAssignment>().Where(s => items.Select(w => w.ScheduledId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ModuleNumber, cancellationToken);
        for (var i = 0; i < Plan.Length; i++)
        {
            var (email, module, decision, feedback) = Plan[i];
            var item = people.TryGetValue(email, out var person) ? items.FirstOrDefault(w => w.UserId == person && modules.GetValueOrDefault(w.ScheduledId) == module) : null;
            if (item is null || (await work.SubmitAsync(item, DemoText, "demo", confirmed: true, item.UserId, cancellationToken)).Value?.Step != SubmitStep.Submitted)
            {
                continue;
            }

            // Handed in a few days before the due date, in the order of the plan, so the review queue has an order and an age.
            var submitted = item.DueUtc.AddDays(-3).AddHours(i);
            await db.Set<Submission>().Where(s => s.WorkId == item.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.SubmittedUtc, submitted).SetProperty(s => s.Late, false), cancellationToken);
            await db.Set<AssignmentWork>().Where(w => w.Id == item.Id).ExecuteUpdateAsync(u => u.SetProperty(w => w.LastSubmittedUtc, submitted).SetProperty(w => w.OverdueUtc, (DateTime?)null), cancellationToken);
            if (decision is { } d && trainer != Guid.Empty)
            {
                // With the assignment's rubric marked (a level per criterion: middling when accepted, lower when a revision is asked).
                var rubric = await outline.RubricAsync(item.LessonKey, "en", cancellationToken);
                var marks = rubric?.Criteria.Select((c, n) => (c.Id, Level: d == ReviewDecision.Accepted ? 2 + (n % 2) : 1 + (n % 2)))
                    .ToDictionary(x => x.Id, x => (string?)x.Level.ToString(System.Globalization.CultureInfo.InvariantCulture));
                await reviews.ReviewAsync(item, item.Versions, d, feedback, marks, trainer, cancellationToken);
                var reviewed = submitted.AddDays(2);
                await db.Set<Review>().Where(r => r.WorkId == item.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedUtc, reviewed), cancellationToken);
            }
        }
    }
}
