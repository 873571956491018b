using System.Security.Claims;
using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>Reads certificates: the owner's (or an administrator's) download, the public verification, the administrator's list.</summary>
public sealed class CertificatePages(DbContext db, IPermissionService permissions)
{
    public const int ListSize = 200;

    /// <summary>The certificate when <paramref name="user"/> owns it or manages certificates; null otherwise (nobody learns it exists).</summary>
    public async Task<Certificate?> ForDownloadAsync(Guid id, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return certificate is not null && (certificate.PersonId == user.PersonId() || permissions.Has(user, OutcomesPermissions.ManageCertificates))
            ? certificate
            : null;
    }

    public async Task<VerifyViewModel?> VerifyAsync(string? code, CancellationToken ct = default)
    {
        if (CertificateCode.Normalize(code) is not { } normal)
        {
            return null;
        }

        var c = await db.Set<Certificate>().AsNoTracking().Where(x => x.Code == normal)
            .Select(x => new { x.Code, x.PersonName, x.Track, x.IssuedUtc, x.RevokedUtc }).FirstOrDefaultAsync(ct);
        return c is null
            ? null
            : new VerifyViewModel(c.Code, c.PersonName, c.Track, DateOnly.FromDateTime(c.IssuedUtc), c.RevokedUtc is not null, c.RevokedUtc is { } r ? DateOnly.FromDateTime(r) : null);
    }

    /// <summary>
    /// The list; <paramref name="include"/> (the certificate whose revoke form is shown again, with what was typed) is
    /// put first when the latest do not hold it.
    /// </summary>
    public async Task<CertificatesViewModel> ListAsync(string? query, Guid? include = null, CancellationToken ct = default)
    {
        var q = db.Set<Certificate>().AsNoTracking();
        var term = query?.Trim();
        if (!string.IsNullOrEmpty(term))
        {
            var code = CertificateCode.Normalize(term);
            q = q.Where(c => c.PersonName.Contains(term) || c.Code == code);
        }

        var total = await q.CountAsync(ct);
        var rows = await q.OrderByDescending(c => c.IssuedUtc).Take(ListSize)
            .Select(c => new CertificateRow(c.Id, c.Code, c.PersonName, c.Track, c.CohortName, c.IssuedUtc, c.RevokedUtc, c.RevokedReason))
            .ToListAsync(ct);
        if (include is { } id && !rows.Any(r => r.Id == id) && await RowAsync(id, ct) is { } row)
        {
            rows.Insert(0, row);
        }

        return new CertificatesViewModel(rows, term, total);
    }

    /// <summary>One certificate's row, or null when there is none with that id.</summary>
    public Task<CertificateRow?> RowAsync(Guid id, CancellationToken ct = default) =>
        db.Set<Certificate>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CertificateRow(c.Id, c.Code, c.PersonName, c.Track, c.CohortName, c.IssuedUtc, c.RevokedUtc, c.RevokedReason))
            .FirstOrDefaultAsync(ct);
}
