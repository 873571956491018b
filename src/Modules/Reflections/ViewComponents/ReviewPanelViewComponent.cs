using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>Start page: hand-ins waiting in the cohorts the trainer runs, oldest first, with how long they have waited. Two queries.</summary>
public sealed class ReviewPanelViewComponent(AppDbContext db, ICohortDirectory cohorts, IProgrammeOutline outline, ProgrammeTime time) : ViewComponent
{
    private const int Shown = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var mine = await cohorts.CohortsRunByAsync(HttpContext.User.RequiredPersonId());
        if (mine.Count == 0)
        {
            return View(new ReviewPanelModel([], 0));
        }

        var waiting = db.Set<AssignmentWork>().Where(w => mine.Contains(w.CohortId) && w.Active && w.Status == WorkStatus.Submitted);
        var rows = await (from w in waiting
                          join u in db.Users on w.UserId equals u.Id
                          orderby w.LastSubmittedUtc, w.Id
                          select new { w.Id, u.DisplayName, w.LessonKey, w.LastSubmittedUtc, Total = waiting.Count() })
            .Take(Shown).AsNoTracking().ToListAsync();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var today = time.Today;
        var list = new List<WaitingReview>();
        foreach (var r in rows)
        {
            var submitted = r.LastSubmittedUtc ?? time.UtcNow;
            var title = (await outline.AssignmentTextAsync(r.LessonKey, language))?.Title ?? r.LessonKey;
            list.Add(new WaitingReview(r.Id, r.DisplayName, title, submitted, today.DayNumber - DateOnly.FromDateTime(time.ToLocal(submitted)).DayNumber));
        }

        return View(new ReviewPanelModel(list, rows.Count == 0 ? 0 : rows[0].Total));
    }
}
