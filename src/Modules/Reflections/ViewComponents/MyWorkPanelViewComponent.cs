using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>Start page: the person's own assignments due next (overdue first), the latest feedback, how much is handed in. Two queries.</summary>
public sealed class MyWorkPanelViewComponent(AppDbContext db, IProgrammeOutline outline, ProgrammeTime time) : ViewComponent
{
    private const int Shown = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = HttpContext.User.RequiredPersonId();
        var now = time.UtcNow;
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var work = await db.Set<AssignmentWork>().AsNoTracking()
            .Where(w => w.UserId == me && w.Active)
            .Select(w => new { w.Id, w.LessonKey, w.DueUtc, w.Status, w.Versions })
            .ToListAsync();
        if (work.Count == 0 && !HttpContext.User.IsInRole(Roles.Trainee))
        {
            return Content(""); // a leader outside any cohort has nothing to hand in
        }

        var feedback = await (from r in db.Set<Review>()
                              join w in db.Set<AssignmentWork>() on r.WorkId equals w.Id
                              where w.UserId == me && w.Active
                              orderby r.CreatedUtc descending
                              select new { w.Id, w.LessonKey, r.Decision, r.CreatedUtc }).Take(3).ToListAsync();

        var due = new List<NextWork>();
        // Overdue work first (the oldest on top), then what falls due next: both, so a backlog never hides the next date.
        var writable = work.Where(w => w.Status is WorkStatus.Open or WorkStatus.RevisionRequested).OrderBy(w => w.DueUtc).ToList();
        foreach (var w in writable.Where(w => w.DueUtc < now).Take(Shown).Concat(writable.Where(w => w.DueUtc >= now).Take(Shown)))
        {
            due.Add(new NextWork(w.Id, await TitleAsync(w.LessonKey, language), w.DueUtc, w.Status, w.DueUtc < now));
        }

        var items = new List<FeedbackItem>();
        foreach (var f in feedback)
        {
            items.Add(new FeedbackItem(f.Id, await TitleAsync(f.LessonKey, language), f.Decision, f.CreatedUtc));
        }

        return View(new MyWorkPanelModel(due, items, work.Count(w => w.Versions > 0), work.Count));
    }

    private async Task<string> TitleAsync(string key, string language) => (await outline.AssignmentTextAsync(key, language))?.Title ?? key;
}
