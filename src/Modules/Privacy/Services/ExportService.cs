using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Privacy.Data;
using ChangeAgentAcademy.Privacy.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// Exports of a person's data: asked for (by the person, or by the officer for anyone), prepared by the job (or at
/// once, through the same <see cref="PrepareAsync"/>), announced with a notice, downloaded only by whoever asked,
/// and deleted when their time is up.
/// </summary>
public sealed class ExportService(
    DbContext db, ExportBuilder builder, INotifier notifier, IJobTrigger jobs, TimeProvider clock, IOptions<PrivacyOptions> options,
    IStringLocalizer<PrivacyText> S, ILogger<ExportService> logger)
{
    public const string JobId = "privacy:exports";

    /// <summary>The page a notice links to (the controller's route; a notice is written outside a request).</summary>
    public const string OwnDataPath = "/account/data";

    public async Task<Result<Guid>> RequestAsync(Guid requester, Guid personId, CancellationToken ct = default)
    {
        if (!await db.Set<AppUser>().AnyAsync(u => u.Id == personId, ct))
        {
            return Result<Guid>.From(Result.NotFound());
        }

        var open = await db.Set<PrivacyExport>()
            .Where(e => e.UserId == personId && e.RequestedBy == requester && (e.Status == ExportStatus.Pending || e.Status == ExportStatus.Preparing))
            .Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        var id = open ?? Guid.NewGuid();
        if (open is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            db.Set<PrivacyExport>().Add(new PrivacyExport { Id = id, UserId = personId, RequestedBy = requester, Status = ExportStatus.Pending, RequestedUtc = now });
            db.AddAudit(now, requester, "privacy.export-requested", id.ToString());
            await db.SaveChangesAsync(ct);
        }

        // Prepared here first when the site says so, then the job is woken for anything still waiting: triggered
        // first, the job could claim this export and the person would come back to "being prepared".
        if (options.Value.ImmediateExport)
        {
            await PrepareAsync(id, ct);
        }
        else
        {
            jobs.Trigger(JobId);
        }

        return Result<Guid>.Success(id);
    }

    /// <summary>Prepares one waiting export; exactly once, whoever else tries at the same moment (the job, a second node).</summary>
    public async Task PrepareAsync(Guid id, CancellationToken ct = default)
    {
        var claimed = await db.Set<PrivacyExport>().Where(e => e.Id == id && e.Status == ExportStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, ExportStatus.Preparing), ct);
        if (claimed == 0)
        {
            return;
        }

        var export = await db.Set<PrivacyExport>().AsNoTracking().Where(e => e.Id == id).Select(e => new { e.UserId, e.RequestedBy }).SingleAsync(ct);
        byte[]? content;
        try
        {
            content = await builder.BuildAsync(export.UserId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Export {Id} failed", id);
            content = null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddDays(Math.Max(1, options.Value.ExportDays));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (content is null)
        {
            await db.Set<PrivacyExport>().Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, ExportStatus.Failed), ct);
        }
        else
        {
            await db.Set<PrivacyExport>().Where(e => e.Id == id).ExecuteUpdateAsync(u => u
                .SetProperty(e => e.Status, ExportStatus.Ready).SetProperty(e => e.Content, content).SetProperty(e => e.ReadyUtc, now).SetProperty(e => e.ExpiresUtc, expires), ct);
            var language = await db.Set<AppUser>().Where(u => u.Id == export.RequestedBy).Select(u => u.Language).FirstOrDefaultAsync(ct) ?? "en";
            using (new CultureScope(language))
            {
                await notifier.NotifyAsync(new Notice($"privacy-export:{id:N}", export.RequestedBy, S["ExportReadySubject"], S["ExportReadyBody", expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)], OwnDataPath), ct);
            }

            db.AddAudit(now, export.RequestedBy, "privacy.export-ready", id.ToString());
            await db.SaveChangesAsync(ct);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>Where an export stands now (null when there is none), so the message after asking says what actually happened.</summary>
    public Task<ExportStatus?> StatusAsync(Guid id, CancellationToken ct = default) =>
        db.Set<PrivacyExport>().Where(e => e.Id == id).Select(e => (ExportStatus?)e.Status).FirstOrDefaultAsync(ct);

    /// <summary>The job: prepares every waiting export and deletes those whose time is up.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<PrivacyExport>().Where(e => e.ExpiresUtc != null && e.ExpiresUtc < now).ExecuteDeleteAsync(ct);

        // An export left half-prepared by a crash is tried again after an hour.
        var stale = now.AddHours(-1);
        await db.Set<PrivacyExport>().Where(e => e.Status == ExportStatus.Preparing && e.RequestedUtc < stale)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, ExportStatus.Pending), ct);
        var waiting = await db.Set<PrivacyExport>().Where(e => e.Status == ExportStatus.Pending).OrderBy(e => e.RequestedUtc).Select(e => e.Id).ToListAsync(ct);
        foreach (var id in waiting)
        {
            await PrepareAsync(id, ct);
        }

        return waiting.Count;
    }

    /// <summary>The ZIP, for whoever asked for it and only while it is offered.</summary>
    public async Task<Result<byte[]>> DownloadAsync(Guid me, Guid id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var export = await db.Set<PrivacyExport>().AsNoTracking().Where(e => e.Id == id && e.Status == ExportStatus.Ready && e.ExpiresUtc > now)
            .Select(e => new { e.RequestedBy, e.Content }).FirstOrDefaultAsync(ct);
        if (export?.Content is null)
        {
            return Result<byte[]>.From(Result.NotFound());
        }

        if (export.RequestedBy != me)
        {
            return Result<byte[]>.From(Result.Forbidden());
        }

        db.AddAudit(now, me, "privacy.export-downloaded", id.ToString());
        await db.SaveChangesAsync(ct);
        return Result<byte[]>.Success(export.Content);
    }
}
