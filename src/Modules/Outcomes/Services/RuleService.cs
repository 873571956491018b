using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.Resources;
using ChangeAgentAcademy.Outcomes.ViewModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// Saves a track's completion rules (audited) and queues the issuing job, so the people who now meet them get their
/// certificates at once rather than at the next quarter hour. Saving never revokes: certificates already issued stand.
/// </summary>
public sealed class RuleService(DbContext db, IJobTrigger jobs, TimeProvider clock, IStringLocalizer<OutcomesText> S)
{
    public async Task<Result> SaveAsync(RuleFormViewModel input, Guid actor, CancellationToken ct = default)
    {
        if (CompletionRules.Validate(input.Track, input.MinSupervisionSessions, input.MinWorkshops, input.LessonsPercent) is { } problem)
        {
            return problem == "UnknownTrack" ? Result.NotFound() : Result.Invalid(S["Rules." + problem]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.Set<CompletionRule>().FirstOrDefaultAsync(r => r.Track == input.Track, ct);
        if (row is null)
        {
            row = new CompletionRule { Track = input.Track };
            db.Add(row);
        }

        row.AllReflectionsAccepted = input.AllReflectionsAccepted;
        row.AllPracticalsHandedIn = input.AllPracticalsHandedIn;
        row.MinSupervisionSessions = input.MinSupervisionSessions;
        row.MinWorkshops = input.MinWorkshops;
        row.LessonsPercent = input.LessonsPercent;
        row.UpdatedUtc = now;
        row.UpdatedBy = actor;
        db.AddAudit(now, actor, "outcomes.rules.saved", input.Track,
            $"reflections={input.AllReflectionsAccepted};practicals={input.AllPracticalsHandedIn};supervision={input.MinSupervisionSessions};workshops={input.MinWorkshops};lessons={input.LessonsPercent}");
        await db.SaveChangesAsync(ct);
        jobs.Trigger(JobIds.IssueCertificates);
        return Result.Success();
    }
}
