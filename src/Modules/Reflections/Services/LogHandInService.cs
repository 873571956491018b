using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Hands a saved practical log in as the person's open practical assignment of the same type.</summary>
public sealed class LogHandInService(DbContext db, WorkService work, LogPages pages, IStringLocalizer<ReflectionsText> S)
{
    /// <summary>
    /// Ok when handed in (or already), or when the text needs confirming (<see cref="SubmitStep.NeedsConfirmation"/>);
    /// otherwise a Conflict with the message for the log page: no open assignment, too long, or not writable.
    /// </summary>
    public async Task<Result<LogHandInReceipt>> HandInAsync(PracticalLog log, string? token, bool confirm, Guid me)
    {
        var target = await pages.OpenPracticalAsync(me, log.Type);
        if (target is null)
        {
            return Result<LogHandInReceipt>.From(Result.Conflict(S["LogNoAssignment"].Value));
        }

        var followsTitle = log.FollowsLogId is { } fid ? await db.Set<PracticalLog>().Where(l => l.Id == fid).Select(l => l.Title).FirstOrDefaultAsync() : null;
        var eventTitle = (await pages.EventChoicesAsync(log.Type, me)).FirstOrDefault(c => c.Ref == log.EventRef)?.Title;
        var text = PracticalLogService.AsText(log, key => S["Log." + key].Value, followsTitle, eventTitle);
        var result = await work.SubmitAsync(target, text, string.IsNullOrEmpty(token) ? Guid.NewGuid().ToString("N") : token, confirm, me);
        if (!result.Ok)
        {
            var tooLong = result.Status is ResultStatus.Invalid && text.Trim().Length > work.MaxLength;
            return Result<LogHandInReceipt>.From(Result.Conflict(S[tooLong ? "LogFieldTooLong" : "NotWritable"].Value));
        }

        if (result.Value!.Step is SubmitStep.Submitted or SubmitStep.AlreadySubmitted)
        {
            log.WorkId = target.Id;
            await db.SaveChangesAsync();
        }

        return Result<LogHandInReceipt>.Success(new LogHandInReceipt(target.Id, result.Value, text));
    }
}
