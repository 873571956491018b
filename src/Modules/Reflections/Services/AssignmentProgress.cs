using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Counts only: leaders' and trainers' overviews never receive a reflection's text from here.</summary>
internal sealed class AssignmentProgress(DbContext db, ProgrammeTime time) : IAssignmentProgress
{
    public async Task<IReadOnlyDictionary<Guid, AssignmentCounts>> CountsAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default)
    {
        if (people.Count == 0)
        {
            return new Dictionary<Guid, AssignmentCounts>();
        }

        var now = time.UtcNow;
        var rows = await db.Set<AssignmentWork>()
            .Where(w => w.Active && people.Contains(w.UserId))
            .GroupBy(w => w.UserId)
            .Select(g => new
            {
                g.Key,
                Released = g.Count(),
                Submitted = g.Count(w => w.Versions > 0),
                Accepted = g.Count(w => w.Status == WorkStatus.Accepted),
                Overdue = g.Count(w => w.Status == WorkStatus.Open && w.DueUtc < now),
                Waiting = g.Count(w => w.Status == WorkStatus.Submitted),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => new AssignmentCounts(r.Released, r.Submitted, r.Accepted, r.Overdue, r.Waiting));
    }

    public async Task<IReadOnlyDictionary<Guid, int>> WaitingForReviewAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken = default) =>
        await db.Set<AssignmentWork>()
            .Where(w => w.Active && w.Status == WorkStatus.Submitted && cohortIds.Contains(w.CohortId))
            .GroupBy(w => w.CohortId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);

    public async Task<IReadOnlyList<AssignmentLink>> ForModuleAsync(Guid personId, string moduleId, CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow;
        var rows = await (from w in db.Set<AssignmentWork>()
                          join s in db.Set<ScheduledAssignment>() on w.ScheduledId equals s.Id
                          where w.UserId == personId && w.Active && s.ModuleId == moduleId
                          select new { w.Id, w.LessonKey, w.Status, w.DueUtc }).ToListAsync(cancellationToken);
        return rows.Select(r => new AssignmentLink(r.LessonKey, $"/reflections/{r.Id}", ScheduleRules.StatusWord(r.Status, r.DueUtc, now), r.DueUtc)).ToList();
    }
}
