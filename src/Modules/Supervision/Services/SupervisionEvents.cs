using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Supervision.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>A person's supervision sessions (as a current member or as supervisor) for their calendar: no notes, no presenters.</summary>
public sealed class SupervisionEvents(DbContext db) : IPersonEvents
{
    public async Task<IReadOnlyList<PersonEvent>> ForPersonAsync(Guid personId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var groups = db.Set<SupervisionGroup>().Where(g => g.Status == GroupStatus.Active
            && (g.SupervisorId == personId || db.Set<GroupMember>().Any(m => m.GroupId == g.Id && m.UserId == personId && m.LeftUtc == null)));
        var rows = await (from s in db.Set<SupervisionSession>().AsNoTracking()
                          join g in groups on s.GroupId equals g.Id
                          where s.Status != SessionStatus.Cancelled && s.EndsUtc > fromUtc && s.StartsUtc < toUtc
                          orderby s.StartsUtc
                          select new { s.Id, s.GroupId, g.Name, s.StartsUtc, s.EndsUtc, g.Place }).ToListAsync(cancellationToken);
        return rows.Select(r => new PersonEvent($"supervision-session:{r.Id}", "supervision", r.Name, DateTime.SpecifyKind(r.StartsUtc, DateTimeKind.Utc), DateTime.SpecifyKind(r.EndsUtc, DateTimeKind.Utc), r.Place,
            $"/supervision/{r.GroupId}/sessions/{r.Id}")).ToList();
    }
}
