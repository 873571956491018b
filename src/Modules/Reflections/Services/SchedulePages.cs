using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Reading for a cohort's schedule page, and who may see it.</summary>
public sealed class SchedulePages(DbContext db, ICohortDirectory cohorts, IProgrammeOutline outline, ProgrammeTime time)
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    /// <summary>NotFound when the cohort is not open; Forbidden unless the person trains it or may schedule every cohort.</summary>
    public async Task<Result> AccessAsync(Guid cohortId, Guid me, bool scheduleAll)
    {
        var open = await cohorts.OpenCohortsAsync();
        var cohort = open.FirstOrDefault(c => c.Id == cohortId);
        if (cohort is null)
        {
            return Result.NotFound();
        }

        return cohort.Trainers.Contains(me) || scheduleAll ? Result.Success() : Result.Forbidden();
    }

    public async Task<ScheduleViewModel> PageAsync(Guid cohortId)
    {
        var cohort = (await cohorts.OpenCohortsAsync()).First(c => c.Id == cohortId);
        var rows = await db.Set<ScheduledAssignment>().Where(s => s.CohortId == cohortId).OrderBy(s => s.ReleaseUtc).ThenBy(s => s.LessonKey).ToListAsync();
        var schedule = new List<ScheduleRow>();
        var titles = new Dictionary<string, string>();
        foreach (var s in rows)
        {
            var title = (await outline.AssignmentTextAsync(s.LessonKey, Language))?.Title ?? s.LessonKey;
            titles[s.LessonKey] = title;
            schedule.Add(new ScheduleRow(s.Id, title, s.ModuleNumber, s.Kind, s.ReleaseUtc, s.DueUtc, s.ReleasedUtc is not null, s.DatesMoved));
        }

        var now = time.UtcNow;
        var work = await (from w in db.Set<AssignmentWork>()
                          join u in db.Set<AppUser>() on w.UserId equals u.Id
                          where w.CohortId == cohortId && w.Active && w.Status != WorkStatus.Accepted
                          orderby w.DueUtc, u.DisplayName
                          select new { w.Id, u.DisplayName, w.LessonKey, w.DueUtc, w.HasExtension, w.Status }).Take(300).ToListAsync();
        return new ScheduleViewModel(cohortId, cohort.Name, schedule,
            work.Select(w => new ExtensionRow(w.Id, w.DisplayName, titles.GetValueOrDefault(w.LessonKey) ?? w.LessonKey, w.DueUtc, w.HasExtension, ScheduleRules.StatusWord(w.Status, w.DueUtc, now))).ToList());
    }
}
