using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.Controllers;

/// <summary>A leader's own teams: who is in them and in which cohort. Status only, never anyone's writing.</summary>
[RequirePermission(CohortPermissions.ViewTeam)]
[Route("team")]
public sealed class TeamController(AppDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var me = User.RequiredPersonId();
        var teams = await db.Teams.AsNoTracking().Where(t => t.LeaderId == me).OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync();
        var teamIds = teams.Select(t => t.Id).ToList();
        var members = await db.Users.AsNoTracking()
            .Where(u => u.TeamId != null && teamIds.Contains(u.TeamId.Value))
            .OrderBy(u => u.DisplayName)
            .Select(u => new
            {
                u.TeamId,
                u.DisplayName,
                u.Email,
                Cohort = (from m in db.Set<CohortMember>()
                          join c in db.Set<Cohort>() on m.CohortId equals c.Id
                          where m.UserId == u.Id && m.Status != MemberStatus.Withdrawn
                          orderby c.StartDate descending
                          select new { c.Name, c.StartDate }).FirstOrDefault(),
            })
            .ToListAsync();
        var view = teams.Select(t => new TeamView(
                t.Name,
                members.Where(m => m.TeamId == t.Id).Select(m => new TeamMemberRow(m.DisplayName, m.Email ?? "", m.Cohort?.Name, m.Cohort?.StartDate)).ToList()))
            .ToList();
        return View(view);
    }
}
