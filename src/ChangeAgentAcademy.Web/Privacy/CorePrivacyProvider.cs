using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Web.Privacy;

/// <summary>
/// The core's tables: the account (Identity's user, roles, claims, logins, tokens), sessions, team leadership and
/// the audit. Erasure deletes the account and its sessions, forgets the person as a team's leader, and keeps audit
/// entries (they count what happened) with the person's id, address and name replaced. It runs after every
/// module's provider (they may look the person up, e.g. mail by address). Retention (<c>Audit</c>) deletes old
/// audit entries. The account itself is declared with <c>InactiveAccounts</c>: an account unused that long is erased by
/// the privacy module's retention run (through its ErasureService, every provider as for an officer's erasure), not by
/// <see cref="ExpireAsync"/> here, which only reads the core's own periods.
/// </summary>
public sealed class CorePrivacyProvider(DbContext db, IStringLocalizer<SharedText> T) : IPrivacyProvider
{
    public const string AuditRetention = "Audit";

    /// <summary>The period after which an unused account is erased (<c>Privacy:Retention:InactiveAccounts</c>).</summary>
    public const string InactiveAccountsRetention = "InactiveAccounts";

    /// <summary>What replaces a person's id, address or name in the audit.</summary>
    public const string Erased = "[erased]";

    public string Module => "Account";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(AppUser), [nameof(AppUser.UserName), nameof(AppUser.NormalizedUserName), nameof(AppUser.Email), nameof(AppUser.NormalizedEmail), nameof(AppUser.DisplayName), nameof(AppUser.PhoneNumber), nameof(AppUser.TeamId)], "PrivacyPurposeAccount", "PrivacyReadersAdministrators", InactiveAccountsRetention, ErasureAction.Delete),
        new(typeof(IdentityUserRole<Guid>), [nameof(IdentityUserRole<Guid>.UserId)], "PrivacyPurposeAccount", "PrivacyReadersAdministrators", null, ErasureAction.Delete),
        new(typeof(IdentityUserClaim<Guid>), [nameof(IdentityUserClaim<Guid>.UserId), nameof(IdentityUserClaim<Guid>.ClaimValue)], "PrivacyPurposeAccount", "PrivacyReadersAdministrators", null, ErasureAction.Delete),
        new(typeof(IdentityUserLogin<Guid>), [nameof(IdentityUserLogin<Guid>.UserId), nameof(IdentityUserLogin<Guid>.ProviderDisplayName)], "PrivacyPurposeAccount", "PrivacyReadersAdministrators", null, ErasureAction.Delete),
        new(typeof(IdentityUserToken<Guid>), [nameof(IdentityUserToken<Guid>.UserId), nameof(IdentityUserToken<Guid>.Value)], "PrivacyPurposeAccount", "PrivacyReadersAdministrators", null, ErasureAction.Delete),
        new(typeof(UserSession), [nameof(UserSession.UserId), nameof(UserSession.Device)], "PrivacyPurposeSessions", "PrivacyReadersSelf", null, ErasureAction.Delete),
        new(typeof(Team), [nameof(Team.LeaderId)], "PrivacyPurposeTeams", "PrivacyReadersAdministrators", null, ErasureAction.Anonymise),
        new(typeof(AuditEntry), [nameof(AuditEntry.ActorId), nameof(AuditEntry.Subject), nameof(AuditEntry.Details)], "PrivacyPurposeAudit", "PrivacyReadersAudit", AuditRetention, ErasureAction.Anonymise),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var user = await db.Set<AppUser>().AsNoTracking().FirstOrDefaultAsync(u => u.Id == personId, cancellationToken);
        if (user is null)
        {
            return new PrivacyExportPart(Module, new { }, []);
        }

        var team = user.TeamId is { } teamId ? await db.Set<Team>().Where(t => t.Id == teamId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var roles = await (from ur in db.Set<IdentityUserRole<Guid>>()
                           join r in db.Set<AppRole>() on ur.RoleId equals r.Id
                           where ur.UserId == personId
                           select r.Name).ToListAsync(cancellationToken);
        var leads = await db.Set<Team>().Where(t => t.LeaderId == personId).Select(t => t.Name).ToListAsync(cancellationToken);
        var sessions = await db.Set<UserSession>().AsNoTracking().Where(s => s.UserId == personId).OrderBy(s => s.CreatedUtc)
            .Select(s => new { s.CreatedUtc, s.Device }).ToListAsync(cancellationToken);
        var audit = await About(personId, user).AsNoTracking().OrderBy(a => a.AtUtc)
            .Select(a => new { a.AtUtc, ByThem = a.ActorId == personId, a.Action, a.Subject, a.Details }).ToListAsync(cancellationToken);

        var c = CultureInfo.CurrentCulture;
        var profile = new { user.UserName, user.Email, user.DisplayName, user.Language, Team = team, user.CreatedUtc, Roles = roles, LeaderOf = leads };
        var summary = new List<PrivacySummaryLine>
        {
            new(T["PrivacyProfile"], $"{user.DisplayName} <{user.Email}>"),
            new(T["PrivacyRoles"], string.Join(", ", roles.Select(r => T[$"Role.{r}"].Value))),
            new(T["PrivacySessions"], sessions.Count.ToString(c)),
            new(T["PrivacyAudit"], audit.Count.ToString(c)),
        };
        return new PrivacyExportPart(Module, new { Profile = profile, Sessions = sessions, Audit = audit }, summary);
    }

    public Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ErasureHold>>([]);

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var user = await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == personId)
            .Select(u => new { u.Email, u.UserName, u.DisplayName }).FirstOrDefaultAsync(cancellationToken);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var id = personId.ToString();
        await db.Set<AuditEntry>().Where(a => a.ActorId == personId).ExecuteUpdateAsync(u => u.SetProperty(a => a.ActorId, (Guid?)null), cancellationToken);
        foreach (var text in new[] { id, user?.Email, user?.UserName, user?.DisplayName }.Where(t => !string.IsNullOrWhiteSpace(t) && t.Length >= 3).Distinct())
        {
            var value = text!;
            await db.Set<AuditEntry>().Where(a => a.Subject.Contains(value)).ExecuteUpdateAsync(u => u.SetProperty(a => a.Subject, a => a.Subject.Replace(value, Erased)), cancellationToken);
            await db.Set<AuditEntry>().Where(a => a.Details != null && a.Details.Contains(value)).ExecuteUpdateAsync(u => u.SetProperty(a => a.Details, a => a.Details!.Replace(value, Erased)), cancellationToken);
        }

        await db.Set<Team>().Where(t => t.LeaderId == personId).ExecuteUpdateAsync(u => u.SetProperty(t => t.LeaderId, (Guid?)null), cancellationToken);
        await db.Set<UserSession>().Where(s => s.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityUserRole<Guid>>().Where(r => r.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityUserClaim<Guid>>().Where(r => r.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityUserLogin<Guid>>().Where(r => r.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityUserToken<Guid>>().Where(r => r.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<AppUser>().Where(u => u.Id == personId).ExecuteDeleteAsync(cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default)
    {
        if (!run.Periods.TryGetValue(AuditRetention, out var period))
        {
            return [];
        }

        var cutoff = run.NowUtc - period;
        var old = db.Set<AuditEntry>().Where(a => a.AtUtc < cutoff);
        return [new(Module, AuditRetention, nameof(AuditEntry), run.DryRun ? await old.CountAsync(cancellationToken) : await old.ExecuteDeleteAsync(cancellationToken))];
    }

    /// <summary>Audit entries the person made or that name them (by id or address).</summary>
    private IQueryable<AuditEntry> About(Guid personId, AppUser user)
    {
        var id = personId.ToString();
        var email = user.Email ?? id;
        return db.Set<AuditEntry>().Where(a => a.ActorId == personId || a.Subject.Contains(id) || a.Subject.Contains(email) || (a.Details != null && (a.Details.Contains(id) || a.Details.Contains(email))));
    }
}
