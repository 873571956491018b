using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Demo mode: the demo trainees have read different amounts (none to the whole first module and some of
/// the second), so the leader's and trainer's views show a realistic spread. Runs once: skipped as soon
/// as any demo trainee has a completion.
/// </summary>
internal sealed class DemoProgressStep(DbContext db, CurriculumCatalog catalog, TimeProvider clock) : IImportStep
{
    public int Order => 30;

    public async Task RunAsync(ImportContext context, CancellationToken cancellationToken)
    {
        if (!context.DemoMode)
        {
            return;
        }

        var trainees = await db.Set<AppUser>().Where(u => u.Email!.StartsWith("trainee") && u.Email.EndsWith("@demo.local"))
            .Select(u => new { u.Id, u.Email }).ToListAsync(cancellationToken);
        var ids = trainees.Select(t => t.Id).ToList();
        if (trainees.Count == 0 || await db.Set<LessonCompletion>().AnyAsync(c => ids.Contains(c.UserId), cancellationToken))
        {
            return;
        }

        var lessons = (await catalog.GetAsync(cancellationToken)).ForTrack("trainee").SelectMany(m => m.Lessons).Select(l => l.Key).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var trainee in trainees)
        {
            var email = trainee.Email!;
            var number = int.Parse(email["trainee".Length..email.IndexOf('@')], System.Globalization.CultureInfo.InvariantCulture);
            foreach (var key in lessons.Take(number * 3 % 11))
            {
                db.Set<LessonCompletion>().Add(new LessonCompletion { UserId = trainee.Id, LessonKey = key, CompletedUtc = now });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
