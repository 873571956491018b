using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Privacy.Data;
using ChangeAgentAcademy.Privacy.ViewModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>Reads for the person's own data page and the officer's pages.</summary>
public sealed class PrivacyPages(DbContext db, IEnumerable<IPrivacyProvider> providers, ErasureService erasure, RetentionService retention, RecordOfProcessing record, TimeProvider clock, IOptions<PrivacyOptions> options)
{
    private const int FoundLimit = 20;

    public async Task<AccountDataViewModel> AccountDataAsync(Guid me, CancellationToken ct = default)
    {
        var request = await db.Set<ErasureRequest>().Where(r => r.WaitingFor == me).Select(r => new { r.Id, r.RequestedUtc, r.Status }).FirstOrDefaultAsync(ct);
        var holds = new List<string>();
        foreach (var provider in providers)
        {
            holds.AddRange((await provider.HoldsAsync(me, ct)).Select(h => h.ToPerson ?? h.Reason));
        }

        var erasure = request is null ? null : new OwnErasureRow(request.Id, request.RequestedUtc, ErasureRules.CanWithdraw(request.Status));
        return new AccountDataViewModel(await ExportsAsync(me, ct), erasure, options.Value.ExportDays, holds);
    }

    public async Task<OfficerViewModel> OfficerAsync(Guid me, string? query, CancellationToken ct = default)
    {
        var requests = await (from r in db.Set<ErasureRequest>()
                              join u in db.Set<AppUser>() on r.UserId equals u.Id
                              where r.Status == ErasureStatus.Waiting || r.Status == ErasureStatus.Erasing
                              orderby r.RequestedUtc
                              select new ErasureRequestRow(u.Id, u.DisplayName, u.Email ?? "", r.RequestedUtc, r.Status == ErasureStatus.Erasing)).ToListAsync(ct);
        IReadOnlyList<PersonRow> found = [];
        query = query?.Trim();
        if (!string.IsNullOrEmpty(query))
        {
            var q = query.ToUpperInvariant();
            found = await db.Set<AppUser>().Where(u => u.NormalizedEmail!.Contains(q) || u.DisplayName.ToUpper().Contains(q))
                .OrderBy(u => u.DisplayName).Take(FoundLimit).Select(u => new PersonRow(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct);
        }

        return new OfficerViewModel(requests, query, found, await ExportsAsync(me, ct));
    }

    /// <summary>The confirmation step's content, or null when there is no such person.</summary>
    public async Task<EraseViewModel?> EraseAsync(Guid actor, Guid personId, CancellationToken ct = default)
    {
        var person = await db.Set<AppUser>().Where(u => u.Id == personId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefaultAsync(ct);
        if (person is null)
        {
            return null;
        }

        var request = await db.Set<ErasureRequest>().Where(r => r.UserId == personId && r.Status == ErasureStatus.Waiting).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        return new EraseViewModel(personId, person.DisplayName, person.Email ?? "", await erasure.RefusalsAsync(actor, personId, ct), record.Rows(), request);
    }

    public async Task<RetentionViewModel> RetentionAsync(CancellationToken ct = default)
    {
        var counts = await retention.RunAsync(dryRun: true, ct);
        return new RetentionViewModel(counts.Select(c => new RetentionRow(c.Module, c.Entity, record.Retention(c.Retention), c.Count)).ToList(), clock.GetUtcNow().UtcDateTime);
    }

    public RecordViewModel Record() => new(record.Rows());

    /// <summary>The record for everyone: made from the same declarations as the officer's, without its operational detail.</summary>
    public KeptDataViewModel KeptData() => new(record.KeptRows());

    private async Task<IReadOnlyList<ExportRow>> ExportsAsync(Guid requester, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await (from e in db.Set<PrivacyExport>()
                      join u in db.Set<AppUser>() on e.UserId equals u.Id
                      where e.RequestedBy == requester && (e.ExpiresUtc == null || e.ExpiresUtc > now)
                      orderby e.RequestedUtc descending
                      select new ExportRow(e.Id, u.DisplayName, e.Status, e.RequestedUtc, e.ExpiresUtc)).ToListAsync(ct);
    }
}
