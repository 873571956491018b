using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Supervision.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>Sessions attended, as counts for completion rules and the programme owner's view (one query, never notes).</summary>
internal sealed class SupervisionAttendance(DbContext db) : ISupervisionAttendance
{
    public async Task<IReadOnlyDictionary<Guid, int>> SessionsAttendedAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default)
    {
        if (people.Count == 0)
        {
            return new Dictionary<Guid, int>();
        }

        return await (from a in db.Set<Attendance>()
                      where a.Present && EF.Parameter(people).Contains(a.UserId)
                      join s in db.Set<SupervisionSession>() on a.SessionId equals s.Id
                      where s.Status == SessionStatus.Held
                      group a by a.UserId into g
                      select new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }
}
