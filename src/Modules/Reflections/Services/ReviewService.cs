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
public sealed class ReviewService(DbContext db, INotifier notifier, NoticeWriter writer, IMarkdownRenderer markdown, ProgrammeTime time, IStringLocalizer<ReflectionsText> S)
{
    public const int MaxFeedback = 20_000;

    /// <summary>
    /// Records the decision on <paramref name="version"/>. Conflict when the trainee has moved on or the work no
    /// longer waits; Invalid when a revision has no reason or the feedback is too long.
    /// </summary>
    public async Task<Result> ReviewAsync(AssignmentWork work, int version, ReviewDecision decision, string? feedback, Guid trainerId, CancellationToken ct = default)
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

        if (decision == ReviewDecision.RevisionRequested && feedback.Length == 0)
        {
            return Result.Invalid(S["ReasonMissing"].Value);
        }

        if (feedback.Length > MaxFeedback)
        {
            return Result.Invalid(S["FeedbackTooLong", MaxFeedback.ToString("N0", CultureInfo.CurrentCulture)].Value);
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
        catch (DbUpdateConcurrencyException)
        {
            // The trainee submitted again, or another trainer reviewed, between loading and saving.
            db.ChangeTracker.Clear();
            return Result.Conflict(S["ReviewStale"].Value);
        }

        return Result.Success();
    }
}
