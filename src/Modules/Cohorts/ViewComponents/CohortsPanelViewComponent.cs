using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.ViewComponents;

/// <summary>The start page panel: a trainee's cohort, a trainer's cohorts, a leader's team size.</summary>
public sealed class CohortsPanelViewComponent(AppDbContext db, IPermissionService permissions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        var me = user.RequiredPersonId();
        var cohorts = db.Set<Cohort>().AsNoTracking();
        var running = new List<CohortRow>();
        if (permissions.Has(user, CohortPermissions.View))
        {
            var visible = permissions.Has(user, CohortPermissions.ViewAll)
                ? cohorts
                : cohorts.Where(c => db.Set<CohortTrainer>().Any(t => t.CohortId == c.Id && t.UserId == me));
            running = await visible.OrderByDescending(c => c.StartDate).Take(5)
                .Select(c => new CohortRow(c.Id, c.Name, c.StartDate, c.Track, c.Status,
                    db.Set<CohortMember>().Count(m => m.CohortId == c.Id && m.Status == MemberStatus.Enrolled), c.Capacity))
                .ToListAsync();
        }

        var mine = await (from m in db.Set<CohortMember>()
                          join c in cohorts on m.CohortId equals c.Id
                          where m.UserId == me && m.Status != MemberStatus.Withdrawn
                          orderby c.StartDate descending
                          select new CohortRow(c.Id, c.Name, c.StartDate, c.Track, c.Status, 0, c.Capacity)).FirstOrDefaultAsync();
        var myTrainers = mine is null
            ? []
            : await (from t in db.Set<CohortTrainer>()
                     join u in db.Users on t.UserId equals u.Id
                     where t.CohortId == mine.Id
                     orderby u.DisplayName
                     select u.DisplayName).ToListAsync();
        var isLeader = permissions.Has(user, CohortPermissions.ViewTeam);
        var teamMembers = isLeader
            ? await db.Users.CountAsync(u => u.TeamId != null && db.Teams.Any(t => t.Id == u.TeamId && t.LeaderId == me))
            : 0;
        return View(new CohortsPanelModel(running, mine, myTrainers, teamMembers, isLeader, permissions.Has(user, CohortPermissions.ViewAll)));
    }
}
