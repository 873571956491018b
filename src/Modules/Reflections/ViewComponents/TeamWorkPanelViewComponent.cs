using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>
/// Start page, for leaders: the latest hand-ins and decisions of the people in the teams they lead, and who has
/// work overdue. Status and dates only: a leader never sees what a trainee wrote or what a trainer answered. Two queries.
/// </summary>
public sealed class TeamWorkPanelViewComponent(AppDbContext db, IProgrammeOutline outline, ProgrammeTime time) : ViewComponent
{
    private const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!HttpContext.User.IsInRole(Roles.Leader))
        {
            return Content("");
        }

        var me = HttpContext.User.RequiredPersonId();
        var now = time.UtcNow;
        var team = from w in db.Set<AssignmentWork>()
                   join u in db.Users on w.UserId equals u.Id
                   where u.Id != me && w.Active && db.Teams.Any(t => t.Id == u.TeamId && t.LeaderId == me)
                   select new { w, u.DisplayName };
        var rows = await team.Where(x => x.w.LastSubmittedUtc != null)
            .OrderByDescending(x => x.w.LastSubmittedUtc).ThenByDescending(x => x.w.Id)
            .Select(x => new { x.DisplayName, x.w.LessonKey, x.w.Status, x.w.DueUtc, x.w.LastSubmittedUtc })
            .Take(Shown).AsNoTracking().ToListAsync();
        var overdue = await (from x in team
                             where x.w.Status == WorkStatus.Open && x.w.DueUtc < now
                             group x by new { x.w.UserId, x.DisplayName } into g
                             orderby g.Count() descending, g.Key.DisplayName
                             select new OverdueCount(g.Key.DisplayName, g.Count())).Take(Shown).ToListAsync();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var list = new List<TeamStatusChange>();
        foreach (var r in rows)
        {
            var title = (await outline.AssignmentTextAsync(r.LessonKey, language))?.Title ?? r.LessonKey;
            list.Add(new TeamStatusChange(r.DisplayName, title, ScheduleRules.StatusWord(r.Status, r.DueUtc, now), r.LastSubmittedUtc ?? now));
        }

        return View(new TeamWorkPanelModel(list, overdue));
    }
}
