using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// The accounts a retention run erases for having gone unused (<see cref="InactiveAccountRules"/>), in a stable order:
/// the dry run lists exactly these, and the run erases them through <see cref="ErasureService"/> (every provider, the
/// waiting request as its journal), skipping anyone a provider holds.
/// </summary>
public sealed class InactiveAccounts(DbContext db, ICohortDirectory cohorts, IEnumerable<IPrivacyProvider> providers, IOptions<PrivacyOptions> options)
{
    public const string RetentionKey = "InactiveAccounts";

    /// <summary>The action the core writes on every sign-in (the last one is read from the audit).</summary>
    public const string SignedIn = "account.signed-in";

    public int Months => options.Value.Retention.TryGetValue(RetentionKey, out var m) ? m : 0;

    public async Task<IReadOnlyList<Guid>> ListAsync(DateTime nowUtc, CancellationToken ct = default)
    {
        var audit = options.Value.Retention.TryGetValue("Audit", out var a) ? a : 0;
        if (!InactiveAccountRules.Applies(Months, audit) || InactiveAccountRules.Cutoff(nowUtc, Months) is not { } cutoff)
        {
            return [];
        }

        var candidates = await db.Set<AppUser>().Where(u => u.CreatedUtc < cutoff).OrderBy(u => u.Id).Select(u => new
        {
            u.Id,
            u.CreatedUtc,
            LastSignIn = db.Set<AuditEntry>().Where(e => e.ActorId == u.Id && e.Action == SignedIn).Max(e => (DateTime?)e.AtUtc),
            LastSession = db.Set<UserSession>().Where(s => s.UserId == u.Id).Max(s => (DateTime?)s.CreatedUtc),
        }).ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return [];
        }

        var open = await cohorts.OpenCohortsAsync(ct);
        var enrolled = (await cohorts.EnrolledMembersAsync(open.Select(c => c.Id).ToList(), ct)).Select(m => m.PersonId).ToHashSet();
        var administrators = (await (from ur in db.Set<IdentityUserRole<Guid>>()
                                     join r in db.Set<AppRole>() on ur.RoleId equals r.Id
                                     where r.Name == Roles.Administrator
                                     select ur.UserId).ToListAsync(ct)).ToHashSet();
        var inactive = new List<Guid>();
        foreach (var c in candidates.Where(c => InactiveAccountRules.IsInactive(nowUtc, Months, c.CreatedUtc, c.LastSignIn, c.LastSession, enrolled.Contains(c.Id), administrators.Contains(c.Id))))
        {
            var held = false;
            foreach (var provider in providers)
            {
                held = held || (await provider.HoldsAsync(c.Id, ct)).Count > 0;
            }

            if (!held)
            {
                inactive.Add(c.Id);
            }
        }

        return inactive;
    }
}
