using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// Counts of what became of people's assignment work, for completion rules and the programme owner's view:
/// set-based (one query per call, whatever the number of people: the ids go as one array/JSON parameter, not one parameter each) and never a word of anyone's text.
/// </summary>
internal sealed class AssignmentOutcomes(DbContext db, ProgrammeTime time) : IAssignmentOutcomes
{
    public async Task<IReadOnlyDictionary<Guid, AssignmentOutcome>> OutcomesAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default)
    {
        if (people.Count == 0)
        {
            return new Dictionary<Guid, AssignmentOutcome>();
        }

        var now = time.UtcNow;
        var rows = await (from w in db.Set<AssignmentWork>()
                          where w.Active && EF.Parameter(people).Contains(w.UserId)
                          join s in db.Set<ScheduledAssignment>() on w.ScheduledId equals s.Id
                          join first in db.Set<Submission>().Where(x => x.Number == 1) on w.Id equals first.WorkId into firsts
                          from first in firsts.DefaultIfEmpty()
                          select new { w.UserId, s.Kind, w.Status, w.Versions, w.DueUtc, Late = (bool?)first.Late })
            .GroupBy(x => x.UserId)
            .Select(g => new
            {
                g.Key,
                ReflectionsAccepted = g.Count(x => x.Kind == AssignmentKind.Reflection && x.Status == WorkStatus.Accepted),
                PracticalsHandedIn = g.Count(x => x.Kind == AssignmentKind.Practical && x.Versions > 0),
                OnTime = g.Count(x => x.Versions > 0 && x.Late == false),
                Late = g.Count(x => x.Versions > 0 && x.Late == true),
                Overdue = g.Count(x => x.Versions == 0 && x.DueUtc < now),
                AcceptedFirst = g.Count(x => x.Status == WorkStatus.Accepted && x.Versions <= 1),
                AcceptedSecond = g.Count(x => x.Status == WorkStatus.Accepted && x.Versions == 2),
                AcceptedLater = g.Count(x => x.Status == WorkStatus.Accepted && x.Versions >= 3),
            })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => new AssignmentOutcome(r.ReflectionsAccepted, r.PracticalsHandedIn, r.OnTime, r.Late, r.Overdue, r.AcceptedFirst, r.AcceptedSecond, r.AcceptedLater));
    }

    public async Task<IReadOnlyList<HandIn>> HandInsAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var rows = await (from w in db.Set<AssignmentWork>()
                          where w.Active && EF.Parameter(people).Contains(w.UserId)
                          join first in db.Set<Submission>().Where(x => x.Number == 1) on w.Id equals first.WorkId
                          join review in db.Set<Review>().GroupBy(r => r.WorkId).Select(g => new { WorkId = g.Key, At = g.Min(r => r.CreatedUtc) })
                              on w.Id equals review.WorkId into reviews
                          from review in reviews.DefaultIfEmpty()
                          select new
                          {
                              w.UserId,
                              first.SubmittedUtc,
                              FirstReview = (DateTime?)review.At,
                          })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new HandIn(r.UserId, r.SubmittedUtc, r.FirstReview is { } at ? Math.Max(0, (at - r.SubmittedUtc).TotalHours) : null)).ToList();
    }
}
