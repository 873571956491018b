using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// Tells the trainers of a cohort about hand-ins that have waited for review longer than
/// <c>Reflections:ReviewReminderDays</c>. One notice per waiting version and trainer: its key
/// (<see cref="ReviewReminderRules.Key"/>) makes a second run, or two runs at once, send nothing more;
/// a new version crosses the threshold anew.
/// </summary>
public sealed class ReviewReminderService(DbContext db, ICohortDirectory cohorts, INotifier notifier, NoticeWriter writer, IOptions<ReflectionOptions> options, ProgrammeTime time)
{
    /// <summary>Writes the reminders that are due; returns how many notices were new.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var days = options.Value.ReviewReminderDays;
        var threshold = ReviewReminderRules.Threshold(time.UtcNow, days);
        var waiting = await (from w in db.Set<AssignmentWork>().AsNoTracking()
                             join u in db.Set<AppUser>() on w.UserId equals u.Id
                             where w.Active && w.Status == WorkStatus.Submitted && w.LastSubmittedUtc != null && w.LastSubmittedUtc <= threshold
                             orderby w.LastSubmittedUtc
                             select new { w.Id, w.CohortId, w.Versions, w.LessonKey, w.LastSubmittedUtc, u.DisplayName }).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return 0;
        }

        var trainers = (await cohorts.OpenCohortsAsync(cancellationToken)).ToDictionary(c => c.Id, c => c.Trainers);
        var trainerIds = trainers.Values.SelectMany(t => t).Distinct().ToList();
        var languages = await db.Set<AppUser>().Where(u => trainerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Language, cancellationToken);
        var notices = new List<Notice>();
        foreach (var w in waiting.Where(w => ReviewReminderRules.IsDue(w.LastSubmittedUtc!.Value, time.UtcNow, days)))
        {
            foreach (var trainer in trainers.GetValueOrDefault(w.CohortId) ?? [])
            {
                var language = NoticeWriter.Language(languages.GetValueOrDefault(trainer));
                var title = await writer.TitleAsync(w.LessonKey, language, cancellationToken);
                notices.Add(writer.Write(ReviewReminderRules.Key(w.Id, w.Versions, trainer), trainer, language, "ReviewWaiting", $"/review/{w.Id}", title, w.DisplayName, w.LastSubmittedUtc!.Value, days));
            }
        }

        if (notices.Count == 0)
        {
            return 0;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sent = await notifier.NotifyManyAsync(notices, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return sent;
    }
}
