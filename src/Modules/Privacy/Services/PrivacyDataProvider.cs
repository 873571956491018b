using System.Globalization;
using ChangeAgentAcademy.Privacy.Data;
using ChangeAgentAcademy.Privacy.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>This module's own personal data: prepared exports and erasure requests.</summary>
public sealed class PrivacyDataProvider(DbContext db, IStringLocalizer<PrivacyText> S) : IPrivacyProvider
{
    public string Module => "Privacy";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(PrivacyExport), [nameof(PrivacyExport.UserId), nameof(PrivacyExport.RequestedBy), nameof(PrivacyExport.Content)], "PurposeExports", "ReadersRequester", null, ErasureAction.Delete),
        new(typeof(ErasureRequest), [nameof(ErasureRequest.UserId), nameof(ErasureRequest.WaitingFor), nameof(ErasureRequest.DecidedBy)], "PurposeErasure", "ReadersOfficer", null, ErasureAction.Anonymise),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var exports = await db.Set<PrivacyExport>().AsNoTracking().Where(e => e.UserId == personId).OrderBy(e => e.RequestedUtc)
            .Select(e => new { e.RequestedUtc, e.ReadyUtc, ByThemself = e.RequestedBy == personId }).ToListAsync(cancellationToken);
        var requests = await db.Set<ErasureRequest>().AsNoTracking().Where(r => r.UserId == personId).OrderBy(r => r.RequestedUtc)
            .Select(r => new { Status = r.Status.ToString(), r.RequestedUtc, r.DecidedUtc }).ToListAsync(cancellationToken);
        return new PrivacyExportPart(Module, new { Exports = exports, ErasureRequests = requests },
        [
            new(S["Exports"], exports.Count.ToString(CultureInfo.CurrentCulture)),
            new(S["ErasureRequests"], requests.Count.ToString(CultureInfo.CurrentCulture)),
        ]);
    }

    public Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ErasureHold>>([]);

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Set<PrivacyExport>().Where(e => e.UserId == personId || e.RequestedBy == personId).ExecuteDeleteAsync(cancellationToken);
        // An open (waiting or claimed) request is the erasure's journal: ErasureService closes and anonymises it once every provider has run.
        await db.Set<ErasureRequest>().Where(r => r.UserId == personId && r.Status != ErasureStatus.Waiting && r.Status != ErasureStatus.Erasing)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.UserId, Guid.Empty).SetProperty(r => r.WaitingFor, (Guid?)null), cancellationToken);
        await db.Set<ErasureRequest>().Where(r => r.DecidedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(r => r.DecidedBy, (Guid?)null), cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RetentionCount>>([]);
}
