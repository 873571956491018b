using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// One retention pass over every provider with the configured periods: a dry run counts what would go (the
/// officer's report), a real run deletes it, set-based, and records the counts in the audit. The same clock
/// reading gives the same list, so what the report shows is what the next run deletes.
/// </summary>
public sealed class RetentionService(DbContext db, IEnumerable<IPrivacyProvider> providers, TimeProvider clock, IOptions<PrivacyOptions> options)
{
    public const string JobId = "privacy:retention";

    public async Task<IReadOnlyList<RetentionCount>> RunAsync(bool dryRun, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var run = new RetentionRun(now, options.Value.PeriodsAt(now), dryRun);
        var counts = new List<RetentionCount>();
        foreach (var provider in providers)
        {
            counts.AddRange(await provider.ExpireAsync(run, ct));
        }

        if (!dryRun)
        {
            db.AddAudit(now, null, "privacy.retention", "run", string.Join(", ", counts.Where(c => c.Count > 0).Select(c => $"{c.Module}.{c.Entity} {c.Count}")));
            await db.SaveChangesAsync(ct);
        }

        return counts;
    }
}
