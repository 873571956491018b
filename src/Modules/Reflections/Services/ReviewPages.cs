using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Reading for the trainers' review pages: the queue and one hand-in, only in the cohorts the trainer runs.</summary>
public sealed class ReviewPages(DbContext db, IProgrammeOutline outline, ICohortDirectory cohorts, CommentBankPages comments, ProgrammeTime time)
{
    private static readonly string[] Statuses = ["waiting", "revision", "accepted", "all"];

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public Task<QueueViewModel> QueueAsync(Guid me, Guid? cohort, string? module, string? status) =>
        db.OnOneConnectionAsync(() => QueueOnOpenConnectionAsync(me, cohort, module, status));

    private async Task<QueueViewModel> QueueOnOpenConnectionAsync(Guid me, Guid? cohort, string? module, string? status)
    {
        status = Statuses.Contains(status) ? status! : "waiting";
        var mine = await cohorts.CohortsRunByAsync(me);
        var open = (await cohorts.OpenCohortsAsync()).Where(c => mine.Contains(c.Id)).ToList();
        var query = from w in db.Set<AssignmentWork>()
                    join u in db.Set<AppUser>() on w.UserId equals u.Id
                    where mine.Contains(w.CohortId) && w.Active && w.Versions > 0
                    select new { w, u.DisplayName };
        if (cohort is { } c && mine.Contains(c))
        {
            query = query.Where(x => x.w.CohortId == c);
        }

        if (!string.IsNullOrEmpty(module))
        {
            query = query.Where(x => x.w.LessonKey.StartsWith(module + "/"));
        }

        query = status switch
        {
            "waiting" => query.Where(x => x.w.Status == WorkStatus.Submitted),
            "revision" => query.Where(x => x.w.Status == WorkStatus.RevisionRequested),
            "accepted" => query.Where(x => x.w.Status == WorkStatus.Accepted),
            _ => query,
        };
        var rows = await query.OrderBy(x => x.w.LastSubmittedUtc).Take(500)
            .Select(x => new { x.w.Id, x.DisplayName, x.w.CohortId, x.w.LessonKey, x.w.Versions, x.w.LastSubmittedUtc, Late = x.w.LastSubmittedUtc > x.w.DueUtc, x.w.Status }).ToListAsync();
        var names = open.ToDictionary(o => o.Id, o => o.Name);
        var list = new List<QueueRow>(rows.Count);
        var texts = new Dictionary<string, AssignmentText?>();
        foreach (var r in rows)
        {
            // Many hand-ins answer the same assignment: look each one's title up once.
            if (!texts.TryGetValue(r.LessonKey, out var text))
            {
                texts[r.LessonKey] = text = await outline.AssignmentTextAsync(r.LessonKey, Language);
            }

            list.Add(new QueueRow(r.Id, r.DisplayName, names.GetValueOrDefault(r.CohortId) ?? "", text?.Title ?? r.LessonKey, r.LessonKey.Split('/')[0], r.Versions, r.LastSubmittedUtc ?? default, r.Late, r.Status));
        }

        // Per trainer of these cohorts: what waits in the cohorts they run, what they reviewed lately, and how long
        // hand-ins waited for their first review (median, p90) over the last 30 days.
        var trainerIds = open.SelectMany(o => o.Trainers).Distinct().ToList();
        var waiting = await db.Set<AssignmentWork>().Where(w => mine.Contains(w.CohortId) && w.Active && w.Status == WorkStatus.Submitted)
            .GroupBy(w => w.CohortId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var since = time.UtcNow.AddDays(-30);
        var reviewed = await db.Set<Review>().Where(r => trainerIds.Contains(r.TrainerId) && r.CreatedUtc >= since)
            .GroupBy(r => r.TrainerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var firstReviews = await (from r in db.Set<Review>()
                                  join w in db.Set<AssignmentWork>() on r.WorkId equals w.Id
                                  join s in db.Set<Submission>() on new { r.WorkId, Number = r.VersionNumber } equals new { s.WorkId, s.Number }
                                  where mine.Contains(w.CohortId) && r.CreatedUtc >= since
                                  select new { r.TrainerId, r.CreatedUtc, s.SubmittedUtc }).ToListAsync();
        var waits = firstReviews.Select(x => (x.TrainerId, Wait: x.CreatedUtc - x.SubmittedUtc)).ToList();
        var trainerNames = await db.Set<AppUser>().Where(u => trainerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var counts = trainerIds
            .Select(id =>
            {
                var own = waits.Where(x => x.TrainerId == id).Select(x => x.Wait).ToList();
                return new TrainerCountRow(trainerNames.GetValueOrDefault(id) ?? "", open.Where(o => o.Trainers.Contains(id)).Sum(o => waiting.GetValueOrDefault(o.Id)), reviewed.GetValueOrDefault(id),
                    ReviewReminderRules.Percentile(own, 50), ReviewReminderRules.Percentile(own, 90));
            })
            .OrderBy(x => x.Trainer, StringComparer.CurrentCulture).ToList();
        var all = waits.Select(x => x.Wait).ToList();
        var turnaround = new TurnaroundRow(all.Count, ReviewReminderRules.Percentile(all, 50), ReviewReminderRules.Percentile(all, 90));
        var modules = open.Count == 0 ? [] : (await outline.ModulesAsync(open[0].Track, Language)).Select(m => new FilterOption(m.Id, m.Title)).ToList();
        return new QueueViewModel(list, counts, turnaround, open.Select(o => new FilterOption(o.Id.ToString(), o.Name)).ToList(), modules, cohort?.ToString(), module, status);
    }

    /// <summary>The handed-in work (tracked, for a decision): NotFound when it does not exist, Forbidden in a cohort the trainer does not run.</summary>
    public async Task<Result<AssignmentWork>> FindAsync(long id, Guid me)
    {
        var item = await db.Set<AssignmentWork>().FirstOrDefaultAsync(w => w.Id == id && w.Versions > 0);
        if (item is null)
        {
            return Result<AssignmentWork>.From(Result.NotFound());
        }

        var mine = await cohorts.CohortsRunByAsync(me);
        return mine.Contains(item.CohortId) ? Result<AssignmentWork>.Success(item) : Result<AssignmentWork>.From(Result.Forbidden());
    }

    /// <summary>The page for <paramref name="item"/>, with the feedback and the marks typed so far.</summary>
    public async Task<ReviewPageViewModel> PageAsync(AssignmentWork item, Guid me, string feedback, IReadOnlyDictionary<string, string?>? marks = null)
    {
        var trainee = await db.Set<AppUser>().Where(u => u.Id == item.UserId).Select(u => u.DisplayName).FirstAsync();
        var cohort = (await cohorts.OpenCohortsAsync()).FirstOrDefault(c => c.Id == item.CohortId)?.Name ?? "";
        var assignment = await outline.AssignmentTextAsync(item.LessonKey, Language);
        var versions = await WorkHistory.VersionsAsync(db, item.Id);
        var feedbackRows = await WorkHistory.FeedbackWithMarksAsync(db, outline, item.Id, item.LessonKey, Language);
        var rubric = await outline.RubricAsync(item.LessonKey, Language);
        int? Chosen(string id) => marks is not null && marks.TryGetValue(id, out var v) && int.TryParse(v, out var level) && level is >= 1 and <= ReviewMarkRules.Levels ? level : null;
        return new ReviewPageViewModel
        {
            WorkId = item.Id,
            LessonKey = item.LessonKey,
            Trainee = trainee,
            Cohort = cohort,
            Title = assignment?.Title ?? item.LessonKey,
            Prompt = assignment?.Prompt,
            Status = item.Status,
            DueUtc = item.DueUtc,
            Versions = versions,
            Feedback = feedbackRows,
            Diff = versions.Count > 1 ? LineDiff.Compare(versions[1].Text, versions[0].Text) : null,
            // The form carries the version the trainer read; a stale post shows the newest with the message.
            Version = item.Versions,
            FeedbackText = feedback,
            CanReview = item.Status == WorkStatus.Submitted,
            RubricTitle = rubric?.Title,
            GuidanceHtml = rubric?.GuidanceHtml,
            Criteria = rubric?.Criteria.Select(c => new RubricCriterionRow(c.Id, c.Name, c.Levels, Chosen(c.Id))).ToList() ?? [],
            Comments = await comments.OptionsAsync(me),
        };
    }

    /// <summary>The page as the database has it now (after a refused decision: the trainee may have moved on).</summary>
    public async Task<ReviewPageViewModel> FreshPageAsync(long id, Guid me, string feedback, IReadOnlyDictionary<string, string?>? marks = null) =>
        await PageAsync(await db.Set<AssignmentWork>().AsNoTracking().FirstAsync(w => w.Id == id), me, feedback, marks);
}
