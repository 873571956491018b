using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// One retention pass over every provider with the configured periods: a dry run counts what would go (the
/// officer's report), a real run deletes it, set-based, and records the counts in the audit. The same clock
/// reading gives the same list, so what the report shows is what the next run deletes.
/// </summary>
public sealed class RetentionService(DbContext db, IEnumerable<IPrivacyProvider> providers, InactiveAccounts inactive, ErasureService erasure, TimeProvider clock, IOptions<PrivacyOptions> options)
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

        // Unused accounts last, each erased like an officer's erasure (every provider, one transaction each); the dry run lists the same ones.
        if (inactive.Months > 0)
        {
            var unused = await inactive.ListAsync(now, ct);
            var erased = 0;
            if (!dryRun)
            {
                foreach (var person in unused)
                {
                    erased += (await erasure.EraseUnusedAsync(person, ct)).Ok ? 1 : 0;
                }
            }

            counts.Add(new RetentionCount("Privacy", InactiveAccounts.RetentionKey, nameof(AppUser), dryRun ? unused.Count : erased));
        }

        if (!dryRun)
        {
            db.AddAudit(now, null, "privacy.retention", "run", string.Join(", ", counts.Where(c => c.Count > 0).Select(c => $"{c.Module}.{c.Entity} {c.Count}")));
            await db.SaveChangesAsync(ct);
        }

        return counts;
    }
}
