using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Supervision.ViewComponents;

/// <summary>Start page: the next planned sessions of the groups the person belongs to or supervises, and whether they present. One query.</summary>
public sealed class SupervisionPanelViewComponent(AppDbContext db, ProgrammeTime time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = HttpContext.User.RequiredPersonId();
        var now = time.UtcNow;
        var sessions = await (from s in db.Set<SupervisionSession>()
                              join g in db.Set<SupervisionGroup>() on s.GroupId equals g.Id
                              where s.Status == SessionStatus.Planned && s.EndsUtc > now && g.Status == GroupStatus.Active
                                    && (g.SupervisorId == me || db.Set<GroupMember>().Any(m => m.GroupId == g.Id && m.UserId == me && m.LeftUtc == null))
                              orderby s.StartsUtc
                              select new NextSession(g.Id, s.Id, g.Name, s.StartsUtc, g.Place, g.SupervisorId == me,
                                  db.Set<SessionPresenter>().Any(p => p.SessionId == s.Id && p.UserId == me)))
            .Take(2).AsNoTracking().ToListAsync();
        return View(sessions);
    }
}
