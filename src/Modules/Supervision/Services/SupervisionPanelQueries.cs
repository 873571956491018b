using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.ViewModels;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>The start page's reading (apart from <see cref="SupervisionPages"/>, which needs the Markdown renderer the start page does not).</summary>
public sealed class SupervisionPanelQueries(DbContext db, ProgrammeTime time)
{
    /// <summary>Start page: the next planned sessions of the groups the person belongs to or supervises, and whether they present. One query.</summary>
    public Task<List<NextSessionRow>> PanelAsync(Guid me, CancellationToken ct = default)
    {
        var now = time.UtcNow;
        return (from s in db.Set<SupervisionSession>()
                join g in db.Set<SupervisionGroup>() on s.GroupId equals g.Id
                where s.Status == SessionStatus.Planned && s.EndsUtc > now && g.Status == GroupStatus.Active
                      && (g.SupervisorId == me || db.Set<GroupMember>().Any(m => m.GroupId == g.Id && m.UserId == me && m.LeftUtc == null))
                orderby s.StartsUtc
                select new NextSessionRow(g.Id, s.Id, g.Name, s.StartsUtc, g.Place, g.SupervisorId == me,
                    db.Set<SessionPresenter>().Any(p => p.SessionId == s.Id && p.UserId == me)))
            .Take(2).AsNoTracking().ToListAsync(ct);
    }
}
