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
/// Start page, for leaders: the latest assignment status changes of the people in the teams they lead.
/// Status and dates only: a leader never sees what a trainee wrote or what a trainer answered. One query.
/// </summary>
public sealed class TeamWorkPanelViewComponent(AppDbContext db, IProgrammeOutline outline, ProgrammeTime time) : ViewComponent
{
    private const int Shown = 6;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!HttpContext.User.IsInRole(Roles.Leader))
        {
            return Content("");
        }

        var me = HttpContext.User.RequiredPersonId();
        var rows = await (from w in db.Set<AssignmentWork>()
                          join u in db.Users on w.UserId equals u.Id
                          where u.Id != me && w.Active && (w.LastSubmittedUtc != null || w.OverdueUtc != null)
                                && db.Teams.Any(t => t.Id == u.TeamId && t.LeaderId == me)
                          orderby (w.LastSubmittedUtc ?? w.OverdueUtc) descending, w.Id descending
                          select new { u.DisplayName, w.LessonKey, w.Status, w.DueUtc, Changed = w.LastSubmittedUtc ?? w.OverdueUtc })
            .Take(Shown).AsNoTracking().ToListAsync();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var now = time.UtcNow;
        var list = new List<TeamStatusChange>();
        foreach (var r in rows)
        {
            var title = (await outline.AssignmentTextAsync(r.LessonKey, language))?.Title ?? r.LessonKey;
            list.Add(new TeamStatusChange(r.DisplayName, title, ScheduleRules.StatusWord(r.Status, r.DueUtc, now), r.Changed ?? now));
        }

        return View(new TeamWorkPanelModel(list));
    }
}
