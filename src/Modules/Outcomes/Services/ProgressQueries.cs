using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.ViewModels;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>The start page's completion panel: the person's track rules, what they have done, their certificate.</summary>
public sealed class ProgressQueries(DbContext db, ICohortDirectory cohorts, RuleStore rules, CompletionFacts facts, TimeProvider clock)
{
    /// <summary>Null when the person is in no cohort (nothing to complete).</summary>
    public async Task<CompletionPanelViewModel?> PanelAsync(Guid personId, CancellationToken ct = default)
    {
        var placement = await cohorts.FindPlacementAsync(personId, ct);
        if (placement is null)
        {
            return null;
        }

        var ruleSet = (await rules.AllAsync(ct)).GetValueOrDefault(placement.Track) ?? RuleSet.Default;
        var mine = await facts.ForPersonAsync(placement.Track, personId, ruleSet, ct);
        var checks = CompletionRules.Evaluate(ruleSet, mine, clock.GetUtcNow().UtcDateTime);
        var certificate = await db.Set<Certificate>().AsNoTracking()
            .Where(c => c.PersonId == personId && c.Track == placement.Track)
            .Select(c => new { c.Id, Revoked = c.RevokedUtc != null })
            .FirstOrDefaultAsync(ct);
        return new CompletionPanelViewModel(placement.Track, placement.CohortName, checks.Select(c => new RuleCheckRow(c.Kind, c.Have, c.Need, c.Met)).ToList(),
            checks.Count(c => c.Met), certificate?.Id, certificate?.Revoked ?? false);
    }
}
