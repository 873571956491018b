using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.ViewComponents;

/// <summary>Start page, for leaders: enrolment requests from the people in their teams, oldest first. One query.</summary>
public sealed class RequestsPanelViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = HttpContext.User.RequiredPersonId();
        var pending = from r in db.Set<EnrolmentRequest>()
                      join u in db.Users on r.UserId equals u.Id
                      where r.Status == RequestStatus.Pending && u.Id != me && db.Teams.Any(t => t.Id == u.TeamId && t.LeaderId == me)
                      select new { r, u.DisplayName };
        var rows = await (from x in pending
                          join c in db.Set<Cohort>() on x.r.CohortId equals c.Id
                          orderby x.r.RequestedUtc
                          select new PendingRequest(x.DisplayName, c.Name, x.r.RequestedUtc, pending.Count()))
            .Take(5).AsNoTracking().ToListAsync();
        return View(rows);
    }
}
