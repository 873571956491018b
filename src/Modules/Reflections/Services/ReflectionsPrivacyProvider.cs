using System.Globalization;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// Reflections (draft, every handed-in version, the feedback on each), practical logs, calendar feeds and trainers'
/// digests. Erasure keeps each piece of work under a new, unlinked id with its text emptied, so a cohort's hand-in
/// and review counts stay right; it deletes logs, feeds and digests, and keeps a departed trainer's feedback on
/// trainees' work (it is part of the trainee's record) under a new id. Retention (<c>Reflections</c>) deletes work,
/// with its versions and feedback, once the period has passed since the cohort's last due date, and logs not
/// touched for as long.
/// </summary>
public sealed class ReflectionsPrivacyProvider(DbContext db, IStringLocalizer<ReflectionsText> S) : IPrivacyProvider
{
    public const string Retention = "Reflections";

    public string Module => "Reflections";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(AssignmentWork), [nameof(AssignmentWork.UserId), nameof(AssignmentWork.Draft)], "PrivacyPurposeReflections", "PrivacyReadersReflections", Retention, ErasureAction.Anonymise),
        new(typeof(Submission), [nameof(Submission.Text)], "PrivacyPurposeReflections", "PrivacyReadersReflections", Retention, ErasureAction.Anonymise),
        new(typeof(Review), [nameof(Review.TrainerId), nameof(Review.FeedbackMarkdown), nameof(Review.FeedbackHtml)], "PrivacyPurposeFeedback", "PrivacyReadersReflections", Retention, ErasureAction.Anonymise),
        new(typeof(PracticalLog), [nameof(PracticalLog.UserId), nameof(PracticalLog.Title), nameof(PracticalLog.FieldsJson)], "PrivacyPurposeLogs", "PrivacyReadersLogs", Retention, ErasureAction.Delete),
        new(typeof(CalendarFeed), [nameof(CalendarFeed.UserId)], "PrivacyPurposeCalendar", "PrivacyReadersSelf", null, ErasureAction.Delete),
        new(typeof(TrainerDigest), [nameof(TrainerDigest.TrainerId)], "PrivacyPurposeDigest", "PrivacyReadersSelf", null, ErasureAction.Delete),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        // Only the person's own work: a leader's or trainer's export carries nobody else's text.
        var works = await db.Set<AssignmentWork>().AsNoTracking().Where(w => w.UserId == personId).OrderBy(w => w.DueUtc)
            .Select(w => new { w.Id, w.LessonKey, Status = w.Status.ToString(), w.DueUtc, w.Draft, w.DraftSavedUtc, w.Versions })
            .ToListAsync(cancellationToken);
        var ids = works.Select(w => w.Id).ToList();
        var versions = (await db.Set<Submission>().AsNoTracking().Where(s => ids.Contains(s.WorkId)).OrderBy(s => s.Number)
            .Select(s => new { s.WorkId, s.Number, s.Text, s.SubmittedUtc, s.Late }).ToListAsync(cancellationToken)).ToLookup(s => s.WorkId);
        var feedback = (await db.Set<Review>().AsNoTracking().Where(r => ids.Contains(r.WorkId)).OrderBy(r => r.CreatedUtc)
            .Select(r => new { r.WorkId, r.VersionNumber, Decision = r.Decision.ToString(), r.FeedbackMarkdown, r.CreatedUtc }).ToListAsync(cancellationToken)).ToLookup(r => r.WorkId);
        var logs = await db.Set<PracticalLog>().AsNoTracking().Where(l => l.UserId == personId).OrderBy(l => l.CreatedUtc)
            .Select(l => new { l.Type, l.Title, l.FieldsJson, l.CreatedUtc, l.UpdatedUtc }).ToListAsync(cancellationToken);
        var reviewed = await db.Set<Review>().AsNoTracking().CountAsync(r => r.TrainerId == personId, cancellationToken);
        var feed = await db.Set<CalendarFeed>().AsNoTracking().Where(f => f.UserId == personId).Select(f => (DateTime?)f.CreatedUtc).FirstOrDefaultAsync(cancellationToken);

        var data = new
        {
            Reflections = works.Select(w => new
            {
                w.LessonKey,
                w.Status,
                w.DueUtc,
                w.Draft,
                w.DraftSavedUtc,
                Versions = versions[w.Id].Select(v => new { v.Number, v.Text, v.SubmittedUtc, v.Late }),
                Feedback = feedback[w.Id].Select(f => new { f.VersionNumber, f.Decision, Text = f.FeedbackMarkdown, f.CreatedUtc }),
            }),
            PracticalLogs = logs.Select(l => new { l.Type, l.Title, Fields = l.FieldsJson, l.CreatedUtc, l.UpdatedUtc }),
            ReviewsWrittenAsTrainer = reviewed,
            CalendarFeedCreatedUtc = feed,
        };
        var c = CultureInfo.CurrentCulture;
        var summary = new List<PrivacySummaryLine>
        {
            new(S["PrivacyReflections"], S["PrivacyReflectionsText", works.Count.ToString(c), works.Sum(w => versions[w.Id].Count()).ToString(c), works.Count(w => feedback[w.Id].Any()).ToString(c)]),
            new(S["PrivacyLogs"], logs.Count.ToString(c)),
        };
        if (reviewed > 0)
        {
            summary.Add(new(S["PrivacyReviewsWritten"], reviewed.ToString(c)));
        }

        return new PrivacyExportPart(Module, data, summary);
    }

    public Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ErasureHold>>([]);

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var ghost = Guid.NewGuid();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var mine = db.Set<AssignmentWork>().Where(w => w.UserId == personId).Select(w => w.Id);
        await db.Set<Submission>().Where(s => mine.Contains(s.WorkId)).ExecuteUpdateAsync(u => u.SetProperty(s => s.Text, ""), cancellationToken);
        await db.Set<Review>().Where(r => mine.Contains(r.WorkId)).ExecuteUpdateAsync(u => u.SetProperty(r => r.FeedbackMarkdown, "").SetProperty(r => r.FeedbackHtml, ""), cancellationToken);
        await db.Set<AssignmentWork>().Where(w => w.UserId == personId)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.UserId, ghost).SetProperty(w => w.Draft, (string?)null).SetProperty(w => w.DraftSavedUtc, (DateTime?)null), cancellationToken);
        await db.Set<Review>().Where(r => r.TrainerId == personId).ExecuteUpdateAsync(u => u.SetProperty(r => r.TrainerId, ghost), cancellationToken);
        await db.Set<PracticalLog>().Where(l => l.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<CalendarFeed>().Where(f => f.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<TrainerDigest>().Where(d => d.TrainerId == personId).ExecuteDeleteAsync(cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default)
    {
        if (!run.Periods.TryGetValue(Retention, out var period))
        {
            return [];
        }

        var cutoff = run.NowUtc - period;

        // A cohort has ended for this purpose when its last due date is past the cutoff; its versions, feedback and reminders go with the work (cascade).
        var works = db.Set<AssignmentWork>().Where(w => w.DueUtc < cutoff && !db.Set<ScheduledAssignment>().Any(s => s.CohortId == w.CohortId && s.DueUtc >= cutoff));
        var logs = db.Set<PracticalLog>().Where(l => l.UpdatedUtc < cutoff);
        return
        [
            new(Module, Retention, nameof(AssignmentWork), run.DryRun ? await works.CountAsync(cancellationToken) : await works.ExecuteDeleteAsync(cancellationToken)),
            new(Module, Retention, nameof(PracticalLog), run.DryRun ? await logs.CountAsync(cancellationToken) : await logs.ExecuteDeleteAsync(cancellationToken)),
        ];
    }
}
