using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.Resources;
using ChangeAgentAcademy.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Outcomes.Privacy;

/// <summary>
/// Outcomes' personal data: certificates (the person, their name as printed, who revoked one), the person's count
/// against the rules (for their leader's and trainers' views) and who last changed a track's rules. Erasing a person
/// deletes their certificates (their code then verifies as unknown) and their counts
/// and forgets them as the rules' editor. Nothing here expires on its own: a certificate is kept as long as the account.
/// </summary>
public sealed class OutcomesPrivacyProvider(DbContext db, IStringLocalizer<OutcomesText> S) : IPrivacyProvider
{
    public string Module => "Outcomes";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(Certificate), [nameof(Certificate.PersonId), nameof(Certificate.PersonName), nameof(Certificate.SignedBy), nameof(Certificate.RevokedBy), nameof(Certificate.RevokedReason)],
            "Privacy.Certificates.Purpose", "Privacy.Certificates.Readers", null, ErasureAction.Delete),
        new(typeof(CompletionProgress), [nameof(CompletionProgress.PersonId)], "Privacy.Progress.Purpose", "Privacy.Progress.Readers", null, ErasureAction.Delete),
        new(typeof(CompletionRule), [nameof(CompletionRule.UpdatedBy)], "Privacy.Rules.Purpose", "Privacy.Rules.Readers", null, ErasureAction.Anonymise),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var certificates = await db.Set<Certificate>().AsNoTracking().Where(c => c.PersonId == personId)
            .Select(c => new { c.Code, c.Track, c.PersonName, c.CohortName, c.CohortStart, c.SignedBy, c.Completed, c.IssuedUtc, c.RevokedUtc, c.RevokedReason })
            .ToListAsync(cancellationToken);
        var rules = await db.Set<CompletionRule>().AsNoTracking().Where(r => r.UpdatedBy == personId).Select(r => new { r.Track, r.UpdatedUtc }).ToListAsync(cancellationToken);
        var progress = await db.Set<CompletionProgress>().AsNoTracking().Where(p => p.PersonId == personId).Select(p => new { p.Track, p.Done, p.Rules, p.CountedUtc }).ToListAsync(cancellationToken);
        return new PrivacyExportPart(Module, new { Certificates = certificates, Progress = progress, RulesLastChanged = rules },
            [new PrivacySummaryLine(S["Privacy.Heading"], S["Privacy.Summary", certificates.Count, certificates.Count(c => c.RevokedUtc != null)])]);
    }

    public Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ErasureHold>>([]);

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<Certificate>().Where(c => c.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<CompletionProgress>().Where(p => p.PersonId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Certificate>().Where(c => c.RevokedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(c => c.RevokedBy, (Guid?)null), cancellationToken);
        await db.Set<CompletionRule>().Where(r => r.UpdatedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(r => r.UpdatedBy, (Guid?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RetentionCount>>([]);
}
