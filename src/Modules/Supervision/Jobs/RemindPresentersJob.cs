using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Supervision.Jobs;

/// <summary>
/// Every 15 minutes: presenters of sessions within a week are told, once. Each session is claimed with a
/// conditional update (PresentersNotifiedUtc still null) in the same transaction as its notices, so two
/// nodes or a re-run never tell anyone twice; the notice key makes it idempotent besides.
/// </summary>
public sealed class RemindPresentersJob(DbContext db, SupervisionService service, SupervisionNotices notices, INotifier notifier, IJobTrigger trigger,
    IOptions<SupervisionOptions> options, TimeProvider clock, ILogger<RemindPresentersJob> logger) : IRecurringJob
{
    public const string Id = "supervision:remind-presenters";

    public async Task RunAsync(CancellationToken cancellationToken) => await RunOnceAsync(cancellationToken);

    /// <summary>Returns how many notices were written.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now + options.Value.RemindBefore;
        var due = await db.Set<SupervisionSession>().AsNoTracking()
            .Where(s => s.PresentersNotifiedUtc == null && s.Status == SessionStatus.Planned && s.StartsUtc > now && s.StartsUtc <= horizon
                && db.Set<SupervisionGroup>().Any(g => g.Id == s.GroupId && g.Status == GroupStatus.Active))
            .OrderBy(s => s.StartsUtc).Select(s => new { s.Id, s.GroupId }).Take(500).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var groupId in due.Select(d => d.GroupId).Distinct())
        {
            await service.RefreshPresentersAsync(groupId, cancellationToken); // proposals from the latest attendance
        }

        foreach (var item in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Set<SupervisionSession>().Where(s => s.Id == item.Id && s.PresentersNotifiedUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.PresentersNotifiedUtc, now), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var session = await db.Set<SupervisionSession>().AsNoTracking().FirstAsync(s => s.Id == item.Id, cancellationToken);
            var presenters = await db.Set<SessionPresenter>().AsNoTracking().Where(p => p.SessionId == item.Id).Select(p => p.UserId).ToListAsync(cancellationToken);
            foreach (var person in presenters)
            {
                await notifier.NotifyAsync(await notices.PresentingAsync(session, person, cancellationToken), cancellationToken);
                written++;
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (written > 0)
        {
            logger.LogInformation("Supervision: {Notices} presenters told", written);
            trigger.Trigger(JobIds.NotificationsOutbox);
        }

        return written;
    }
}
