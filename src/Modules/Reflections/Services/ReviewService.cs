using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Trainers' side: a review is made against one version; if the trainee has moved on, the trainer is told.</summary>
public sealed class ReviewService(DbContext db, INotifier notifier, NoticeWriter writer, IMarkdownRenderer markdown, IProgrammeOutline outline, ProgrammeTime time, IStringLocalizer<ReflectionsText> S)
{
    public const int MaxFeedback = 20_000;

    /// <summary>
    /// Records the decision on <paramref name="version"/>. Conflict when the trainee has moved on or the work no
    /// longer waits; Invalid when a revision has no reason, the feedback is too long, or the assignment has a rubric
    /// and a criterion has no level (or the form names a criterion the rubric does not have). The marks are stored
    /// with the review, on the version reviewed.
    /// </summary>
    public async Task<Result> ReviewAsync(AssignmentWork work, int version, ReviewDecision decision, string? feedback, IReadOnlyDictionary<string, string?>? marks, Guid trainerId, CancellationToken ct = default)
    {
        feedback = (feedback ?? "").Trim();
        if (work.Versions != version)
        {
            return Result.Conflict(S["ReviewStale"].Value);
        }

        if (work.Status != WorkStatus.Submitted)
        {
            return Result.Conflict(S["ReviewNotWaiting"].Value);
        }

        // Criterion ids are the same in every language; names for messages come in the trainer's language.
        var rubric = await outline.RubricAsync(work.LessonKey, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        var check = ReviewMarkRules.Check(rubric?.Criteria.Select(c => c.Id).ToList(), marks);
        var errors = new List<string>();
        string Name(string id) => rubric?.Criteria.FirstOrDefault(c => c.Id == id)?.Name ?? id;
        errors.AddRange(check.Missing.Select(id => S["MarkMissing", Name(id)].Value));
        errors.AddRange(check.Invalid.Select(id => S["MarkInvalid", Name(id)].Value));
        if (check.Unknown.Count > 0)
        {
            errors.Add(S["MarkUnknown"].Value);
        }

        if (decision == ReviewDecision.RevisionRequested && feedback.Length == 0)
        {
            errors.Add(S["ReasonMissing"].Value);
        }

        if (feedback.Length > MaxFeedback)
        {
            errors.Add(S["FeedbackTooLong", MaxFeedback.ToString("N0", CultureInfo.CurrentCulture)].Value);
        }

        if (errors.Count > 0)
        {
            return Result.Invalid([.. errors]);
        }

        var now = time.UtcNow;
        var review = new Review
        {
            WorkId = work.Id,
            VersionNumber = version,
            TrainerId = trainerId,
            Decision = decision,
            FeedbackMarkdown = feedback,
            FeedbackHtml = feedback.Length == 0 ? "" : markdown.ToSafeHtml(feedback),
            CreatedUtc = now,
        };
        db.Set<Review>().Add(review);
        if (check.Levels.Count > 0)
        {
            var submissionId = await db.Set<Submission>().Where(s => s.WorkId == work.Id && s.Number == version).Select(s => s.Id).FirstAsync(ct);
            db.Set<RubricMark>().AddRange(check.Levels.Select(m => new RubricMark { SubmissionId = submissionId, CriterionId = m.Key, Level = m.Value, TrainerId = trainerId, CreatedUtc = now }));
        }

        work.Status = decision == ReviewDecision.Accepted ? WorkStatus.Accepted : WorkStatus.RevisionRequested;
        work.Revision++;
        db.AddAudit(now, trainerId, decision == ReviewDecision.Accepted ? "reflections.accepted" : "reflections.revision-requested", work.Id.ToString(), $"version {version}");

        var language = await db.Set<AppUser>().Where(u => u.Id == work.UserId).Select(u => u.Language).FirstOrDefaultAsync(ct);
        var title = await writer.TitleAsync(work.LessonKey, NoticeWriter.Language(language), ct);
        await notifier.NotifyAsync(writer.Write($"reflections:reviewed:{work.Id}:{version}", work.UserId, language ?? "en", decision.ToString(), $"/reflections/{work.Id}", title), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // DbUpdateConcurrencyException, or the unique marks of a version another trainer marked at the same moment.
            // The trainee submitted again, or another trainer reviewed, between loading and saving.
            db.ChangeTracker.Clear();
            return Result.Conflict(S["ReviewStale"].Value);
        }

        return Result.Success();
    }
}
