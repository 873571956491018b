using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Modules;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>A reader marks a lesson done or not done.</summary>
public sealed class CompletionService(CurriculumCatalog catalog, DbContext db, CompletedLessons completed, TimeProvider clock)
{
    /// <summary>Marks a lesson done (or, with done=false, not done). Idempotent: a double click stores one row. NotFound for anything but a lesson.</summary>
    public async Task<Result> MarkAsync(Guid me, string module, string lesson, bool done)
    {
        var snapshot = await catalog.GetAsync();
        var item = snapshot.Module(module)?.Items.FirstOrDefault(i => i.Slug == lesson && i.Kind == LessonKind.Lesson);
        if (item is null)
        {
            return Result.NotFound();
        }

        var existing = await db.Set<LessonCompletion>().FirstOrDefaultAsync(c => c.UserId == me && c.LessonKey == item.Key);
        if (done && existing is null)
        {
            db.Set<LessonCompletion>().Add(new LessonCompletion { UserId = me, LessonKey = item.Key, CompletedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (!done && existing is not null)
        {
            db.Set<LessonCompletion>().Remove(existing);
        }

        completed.Forget(me);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (done)
        {
            // The same person's second click won the race: the row exists, which is what was asked.
        }

        return Result.Success();
    }
}
