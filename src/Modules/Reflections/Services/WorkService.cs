using ChangeAgentAcademy.Text;
using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>A trainee's own work: drafts, submissions. Every method takes the person and only finds their own rows.</summary>
public sealed class WorkService(DbContext db, ICitizenDataCheck citizenData, ProgrammeTime time, IOptions<ReflectionOptions> options, IStringLocalizer<ReflectionsText> S)
{
    public int MaxLength => options.Value.MaxLength;

    /// <summary>The person's own work item, or null (someone else's id looks exactly like a missing one).</summary>
    public Task<AssignmentWork?> FindOwnAsync(long id, Guid personId, CancellationToken ct = default) =>
        db.Set<AssignmentWork>().FirstOrDefaultAsync(w => w.Id == id && w.UserId == personId, ct);

    /// <summary>What in the text could identify a citizen (the site's check): a saved draft warns, the text is kept.</summary>
    public IReadOnlyList<CitizenDataFinding> CitizenData(string? text) => citizenData.Scan(text?.Trim());

    public static bool IsWritable(AssignmentWork work) => work.Active && work.Status is WorkStatus.Open or WorkStatus.RevisionRequested;

    /// <summary>Saves the draft; returns the time saved, or null when the text is too long or the work is not writable.</summary>
    public async Task<DateTime?> SaveDraftAsync(AssignmentWork work, string? text, CancellationToken ct = default)
    {
        text ??= "";
        if (!IsWritable(work) || text.Length > MaxLength)
        {
            return null;
        }

        var now = time.UtcNow;
        // Set-based: an autosave racing a submit must not bump the revision the submit relies on. The status
        // is checked again in the update itself: a draft that arrives after the hand-in (sent before it, or
        // late from another tab) changes nothing, and the handed-in work keeps no stale draft.
        var changed = await db.Set<AssignmentWork>()
            .Where(w => w.Id == work.Id && w.Active && (w.Status == WorkStatus.Open || w.Status == WorkStatus.RevisionRequested))
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.Draft, text).SetProperty(w => w.DraftSavedUtc, now), ct);
        if (changed == 0)
        {
            return null;
        }

        work.Draft = text;
        work.DraftSavedUtc = now;
        return now;
    }

    /// <summary>
    /// Hands the text in as the next version. Ok with <see cref="SubmitStep"/> (submitted, already submitted, or
    /// asking to confirm possible citizen details); Invalid when empty or too long; Conflict when not released
    /// (<see cref="SubmitStep.NotReleased"/>) or no longer writable.
    /// </summary>
    public async Task<Result<SubmitReceipt>> SubmitAsync(AssignmentWork work, string? text, string token, bool confirmed, Guid personId, CancellationToken ct = default)
    {
        text = (text ?? "").Trim();
        var now = time.UtcNow;
        if (await db.Set<Submission>().AnyAsync(s => s.WorkId == work.Id && s.SubmitToken == token, ct))
        {
            return Result<SubmitReceipt>.Success(new SubmitReceipt(SubmitStep.AlreadySubmitted, work.Versions, SubmittedUtc: work.LastSubmittedUtc));
        }

        var release = await db.Set<ScheduledAssignment>().Where(s => s.Id == work.ScheduledId).Select(s => s.ReleasedUtc).FirstOrDefaultAsync(ct);
        if (release is null || release > now)
        {
            return Result<SubmitReceipt>.From(Result.Conflict(S["NotReleased"].Value), new SubmitReceipt(SubmitStep.NotReleased));
        }

        if (!IsWritable(work))
        {
            return Result<SubmitReceipt>.From(Result.Conflict(S["NotWritable"].Value));
        }

        if (text.Length == 0)
        {
            return Result<SubmitReceipt>.From(Result.Invalid(S["Empty"].Value));
        }

        if (text.Length > MaxLength)
        {
            // The stored draft stays as it was: the page shows the whole text back with the limit, and the
            // browser keeps it too. Truncating it here would throw away what the person wrote.
            return Result<SubmitReceipt>.From(Result.Invalid(S["TooLong", MaxLength.ToString("N0", CultureInfo.CurrentCulture)].Value));
        }

        var findings = citizenData.Scan(text);
        if (findings.Count > 0 && !confirmed)
        {
            await SaveDraftAsync(work, text, ct);
            return Result<SubmitReceipt>.Success(new SubmitReceipt(SubmitStep.NeedsConfirmation, Findings: findings));
        }

        var late = ScheduleRules.IsLate(now, work.DueUtc);
        var number = work.Versions + 1;
        db.Set<Submission>().Add(new Submission
        {
            WorkId = work.Id,
            Number = number,
            Text = text,
            SubmittedUtc = now,
            Late = late,
            Findings = findings.Count,
            SubmittedDespiteWarning = findings.Count > 0,
            SubmitToken = token,
        });
        work.Versions = number;
        work.Status = WorkStatus.Submitted;
        work.LastSubmittedUtc = now;
        work.Draft = null;
        work.DraftSavedUtc = null;
        work.Revision++;
        db.AddAudit(now, personId, "reflections.submitted", work.Id.ToString(), findings.Count > 0 ? $"version {number}; submitted despite {findings.Count} possible citizen details" : $"version {number}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A second click raced this one: the unique (work, token) or (work, number) row already exists.
            db.ChangeTracker.Clear();
            return Result<SubmitReceipt>.Success(new SubmitReceipt(SubmitStep.AlreadySubmitted, number, SubmittedUtc: work.LastSubmittedUtc));
        }

        return Result<SubmitReceipt>.Success(new SubmitReceipt(SubmitStep.Submitted, number, late, work.LastSubmittedUtc));
    }
}
