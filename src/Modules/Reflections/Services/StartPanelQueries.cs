using System.Globalization;
using System.Security.Claims;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Reading for the start page's panels: the person's own work, the trainer's waiting reviews, a leader's team. Two queries each.</summary>
public sealed class StartPanelQueries(DbContext db, ICohortDirectory cohorts, IProgrammeOutline outline, ProgrammeTime time)
{
    private const int MyWorkShown = 3;
    private const int Shown = 5;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>The person's own assignments due next (overdue first), the latest feedback, how much is handed in; null when there is nothing to show.</summary>
    public async Task<MyWorkPanelViewModel?> MyWorkAsync(ClaimsPrincipal user)
    {
        var me = user.RequiredPersonId();
        var now = time.UtcNow;
        var work = await db.Set<AssignmentWork>().AsNoTracking()
            .Where(w => w.UserId == me && w.Active)
            .Select(w => new { w.Id, w.LessonKey, w.DueUtc, w.Status, w.Versions })
            .ToListAsync();
        if (work.Count == 0 && !user.IsInRole(Roles.Trainee))
        {
            return null; // a leader outside any cohort has nothing to hand in
        }

        var feedback = await (from r in db.Set<Review>()
                              join w in db.Set<AssignmentWork>() on r.WorkId equals w.Id
                              where w.UserId == me && w.Active
                              orderby r.CreatedUtc descending
                              select new { w.Id, w.LessonKey, r.Decision, r.CreatedUtc }).Take(3).ToListAsync();

        var due = new List<DueWorkRow>();
        // Overdue work first (the oldest on top), then what falls due next: both, so a backlog never hides the next date.
        var writable = work.Where(w => w.Status is WorkStatus.Open or WorkStatus.RevisionRequested).OrderBy(w => w.DueUtc).ToList();
        foreach (var w in writable.Where(w => w.DueUtc < now).Take(MyWorkShown).Concat(writable.Where(w => w.DueUtc >= now).Take(MyWorkShown)))
        {
            due.Add(new DueWorkRow(w.Id, await TitleAsync(w.LessonKey), w.DueUtc, w.Status, w.DueUtc < now));
        }

        var items = new List<FeedbackItemRow>();
        foreach (var f in feedback)
        {
            items.Add(new FeedbackItemRow(f.Id, await TitleAsync(f.LessonKey), f.Decision, f.CreatedUtc));
        }

        return new MyWorkPanelViewModel(due, items, work.Count(w => w.Versions > 0), work.Count);
    }

    /// <summary>Hand-ins waiting in the cohorts the trainer runs, oldest first, with how long they have waited.</summary>
    public async Task<ReviewPanelViewModel> WaitingReviewsAsync(Guid me)
    {
        var mine = await cohorts.CohortsRunByAsync(me);
        if (mine.Count == 0)
        {
            return new ReviewPanelViewModel([], 0);
        }

        var waiting = db.Set<AssignmentWork>().Where(w => mine.Contains(w.CohortId) && w.Active && w.Status == WorkStatus.Submitted);
        var rows = await (from w in waiting
                          join u in db.Set<AppUser>() on w.UserId equals u.Id
                          orderby w.LastSubmittedUtc, w.Id
                          select new { w.Id, u.DisplayName, w.LessonKey, w.LastSubmittedUtc, Total = waiting.Count() })
            .Take(Shown).AsNoTracking().ToListAsync();
        var today = time.Today;
        var list = new List<WaitingReviewRow>();
        foreach (var r in rows)
        {
            var submitted = r.LastSubmittedUtc ?? time.UtcNow;
            list.Add(new WaitingReviewRow(r.Id, r.DisplayName, await TitleAsync(r.LessonKey), submitted, today.DayNumber - DateOnly.FromDateTime(time.ToLocal(submitted)).DayNumber));
        }

        return new ReviewPanelViewModel(list, rows.Count == 0 ? 0 : rows[0].Total);
    }

    /// <summary>
    /// The latest hand-ins and decisions of the people in the teams the leader leads, and who has work overdue.
    /// Status and dates only: a leader never sees what a trainee wrote or what a trainer answered.
    /// </summary>
    public async Task<TeamWorkPanelViewModel> TeamWorkAsync(Guid me)
    {
        var now = time.UtcNow;
        var team = from w in db.Set<AssignmentWork>()
                   join u in db.Set<AppUser>() on w.UserId equals u.Id
                   where u.Id != me && w.Active && db.Set<Team>().Any(t => t.Id == u.TeamId && t.LeaderId == me)
                   select new { w, u.DisplayName };
        var rows = await team.Where(x => x.w.LastSubmittedUtc != null)
            .OrderByDescending(x => x.w.LastSubmittedUtc).ThenByDescending(x => x.w.Id)
            .Select(x => new { x.DisplayName, x.w.LessonKey, x.w.Status, x.w.DueUtc, x.w.LastSubmittedUtc })
            .Take(Shown).AsNoTracking().ToListAsync();
        var overdue = await (from x in team
                             where x.w.Status == WorkStatus.Open && x.w.DueUtc < now
                             group x by new { x.w.UserId, x.DisplayName } into g
                             orderby g.Count() descending, g.Key.DisplayName
                             select new OverdueRow(g.Key.DisplayName, g.Count())).Take(Shown).ToListAsync();
        var list = new List<TeamStatusRow>();
        foreach (var r in rows)
        {
            list.Add(new TeamStatusRow(r.DisplayName, await TitleAsync(r.LessonKey), ScheduleRules.StatusWord(r.Status, r.DueUtc, now), r.LastSubmittedUtc ?? now));
        }

        return new TeamWorkPanelViewModel(list, overdue);
    }

    private async Task<string> TitleAsync(string key) => (await outline.AssignmentTextAsync(key, Language))?.Title ?? key;
}
