using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Trainers change a cohort's dates: a move for everyone, or one trainee's extension. Each is one transaction.</summary>
public sealed class ScheduleService(DbContext db, INotifier notifier, NoticeWriter writer, ProgrammeTime time, IStringLocalizer<ReflectionsText> S)
{
    public Task<ScheduledAssignment?> FindScheduledAsync(Guid cohortId, long scheduleId) =>
        db.Set<ScheduledAssignment>().FirstOrDefaultAsync(s => s.Id == scheduleId && s.CohortId == cohortId);

    public Task<AssignmentWork?> FindWorkAsync(Guid cohortId, long workId) =>
        db.Set<AssignmentWork>().FirstOrDefaultAsync(w => w.Id == workId && w.CohortId == cohortId);

    /// <summary>
    /// Moves an assignment's dates (local times as typed) and everyone's due date with it, except personal
    /// extensions. Invalid with the reason when a date is missing or out of order; Ok(false) when nothing changed.
    /// </summary>
    public async Task<Result<bool>> MoveAsync(ScheduledAssignment row, DateTime? release, DateTime? due, Guid? actorId)
    {
        // An emptied field is a mistake, never "keep the old date": the trainer is told and nothing moves.
        var newRelease = release is { } r && row.ReleasedUtc is null ? ScheduleRules.LocalToUtc(r, time.Zone) : row.ReleaseUtc;
        var newDue = due is { } d ? ScheduleRules.LocalToUtc(d, time.Zone) : row.DueUtc;
        var error = due is null ? S["DueRequired"].Value
            : release is null && row.ReleasedUtc is null ? S["ReleaseRequired"].Value
            : newDue <= newRelease ? S["DueBeforeRelease"].Value
            : row.ReleasedUtc is null && newRelease < time.UtcNow.AddMinutes(-1) && newRelease != row.ReleaseUtc ? S["ReleaseInPast"].Value
            : null;
        if (error is not null)
        {
            return Result<bool>.From(Result.Invalid(error));
        }

        if (newRelease == row.ReleaseUtc && newDue == row.DueUtc)
        {
            return Result<bool>.Success(false);
        }

        var shift = newDue - row.DueUtc;
        await using var transaction = await db.Database.BeginTransactionAsync();
        row.ReleaseUtc = newRelease;
        row.DueUtc = newDue;
        row.DatesMoved = true;
        // Everyone's due date moves with the cohort's, except personal extensions.
        await db.Set<AssignmentWork>().Where(w => w.ScheduledId == row.Id && !w.HasExtension)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.DueUtc, newDue).SetProperty(w => w.OverdueUtc, (DateTime?)null));
        db.AddAudit(time.UtcNow, actorId, "reflections.dates-moved", row.Id.ToString(), $"release {newRelease:O}, due {newDue:O} ({shift.TotalHours:+0;-0} h)");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Result<bool>.Success(true);
    }

    /// <summary>Gives one trainee a new due date (local time as typed), with new reminders and a notice. Invalid when it is not in the future.</summary>
    public async Task<Result> ExtendAsync(AssignmentWork item, DateTime? due, Guid? actorId)
    {
        var newDue = due is { } d ? ScheduleRules.LocalToUtc(d, time.Zone) : (DateTime?)null;
        if (newDue is null || newDue <= time.UtcNow)
        {
            return Result.Invalid(S["ExtensionInPast"].Value);
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        item.DueUtc = newDue.Value;
        item.HasExtension = true;
        item.OverdueUtc = null;
        item.Revision++;
        // A new due date brings new reminders.
        await db.Set<Reminder>().Where(r => r.WorkId == item.Id).ExecuteDeleteAsync();
        var language = await db.Set<AppUser>().Where(u => u.Id == item.UserId).Select(u => u.Language).FirstOrDefaultAsync() ?? "en";
        var title = await writer.TitleAsync(item.LessonKey, NoticeWriter.Language(language));
        await notifier.NotifyAsync(writer.Write($"reflections:extended:{item.Id}:{newDue.Value.Ticks}", item.UserId, language, "Extended", $"/reflections/{item.Id}", title, newDue.Value));
        db.AddAudit(time.UtcNow, actorId, "reflections.extended", item.Id.ToString(), $"due {newDue:O}");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return Result.Success();
    }
}
