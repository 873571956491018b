using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Web.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Services;

/// <summary>
/// Who a directory sign-in is here, in one transaction: the person already linked to the directory's subject; else
/// the person with the same e-mail, linked when the directory vouches for the address (email_verified); else a new
/// person (just in time). Then the roles the directory's groups give (<see cref="DirectorySignInRules"/>), applied
/// at every sign-in; a change is audited and ends the person's other sessions (they carry the old roles).
/// </summary>
public sealed class ExternalSignInService(
    UserManager<AppUser> users,
    AppDbContext db,
    SessionStore sessions,
    TimeProvider clock,
    IOptions<ExternalSignInOptions> options,
    IOptions<ProgrammeOptions> programme,
    IStringLocalizer<SharedText> T,
    ILogger<ExternalSignInService> log)
{
    private const int MaxAttempts = 3;

    /// <summary>Identity's answers that mean someone else has just created this person or this link.</summary>
    private static readonly HashSet<string> LostTheRace = ["DuplicateUserName", "DuplicateEmail", "LoginAlreadyAssociated"];

    public async Task<Result<AppUser>> SignInAsync(ExternalIdentity who, CancellationToken ct = default)
    {
        var name = options.Value.OpenIdConnect.DisplayName;
        if (string.IsNullOrWhiteSpace(who.Subject))
        {
            return Result<AppUser>.From(Result.Invalid(T["DirectorySignInFailed", name]));
        }

        // Two first sign-ins of one person at the same moment (two tabs, a double click, two nodes): both find no one, one
        // creates the person and the link; the other then fails on a unique key (or on Identity's own duplicate check, if
        // the first had committed by then). The loser reads again, finds the link the winner made, and signs in as that
        // person: one person, one link, both signed in.
        for (var attempt = 1; ; attempt++)
        {
            var last = attempt == MaxAttempts;
            try
            {
                var outcome = await SignInOnceAsync(who, name, retryOnDuplicate: !last, ct);
                if (outcome is not null)
                {
                    return outcome;
                }
            }
            catch (DbUpdateException e) when (!last)
            {
                log.LogInformation(e, "A concurrent directory sign-in created or linked the person first; reading again");
            }
            catch (DbUpdateException e)
            {
                log.LogWarning(e, "A concurrent directory sign-in kept winning the race");
                return Result<AppUser>.From(Result.Conflict(T["DirectoryTryAgain"]));
            }

            // The failed attempt's transaction is rolled back; its tracked entities (the person not made, the audit) go too.
            db.ChangeTracker.Clear();
        }
    }

    private static bool Raced(IdentityResult result, bool retryOnDuplicate) =>
        retryOnDuplicate && result.Errors.Any(e => LostTheRace.Contains(e.Code));

    /// <summary>One attempt in one transaction; null when another sign-in created or linked the person meanwhile (read again).</summary>
    private async Task<Result<AppUser>?> SignInOnceAsync(ExternalIdentity who, string name, bool retryOnDuplicate, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByLoginAsync(ExternalSignIn.Scheme, who.Subject);
        if (user is null)
        {
            if (string.IsNullOrWhiteSpace(who.Email))
            {
                return Result<AppUser>.From(Result.Invalid(T["DirectoryNoEmail", name]));
            }

            user = await users.FindByEmailAsync(who.Email);
            if (user is not null)
            {
                // Linking by an address the directory does not vouch for would hand this account to whoever typed it there.
                if (!who.EmailVerified)
                {
                    return Result<AppUser>.From(Result.Conflict(T["DirectoryEmailNotVerified", name]));
                }

                db.AddAudit(now, user.Id, "account.linked-to-directory", user.Id.ToString(), who.Subject);
            }
            else
            {
                user = new AppUser
                {
                    Id = Guid.NewGuid(),
                    UserName = who.Email,
                    Email = who.Email,
                    EmailConfirmed = who.EmailVerified,
                    DisplayName = string.IsNullOrWhiteSpace(who.Name) ? who.Email : who.Name.Length > 200 ? who.Name[..200] : who.Name,
                    Language = programme.Value.DefaultLanguage,
                    CreatedUtc = now,
                };
                var created = await users.CreateAsync(user);
                if (Raced(created, retryOnDuplicate))
                {
                    return null;
                }

                if (!created.Succeeded)
                {
                    return Result<AppUser>.From(Result.Invalid([.. created.Errors.Select(e => e.Description)]));
                }

                db.AddAudit(now, user.Id, "account.created-from-directory", user.Id.ToString(), who.Subject);
            }

            var linked = await users.AddLoginAsync(user, new UserLoginInfo(ExternalSignIn.Scheme, who.Subject, name));
            if (Raced(linked, retryOnDuplicate))
            {
                return null;
            }

            if (!linked.Succeeded)
            {
                return Result<AppUser>.From(Result.Invalid([.. linked.Errors.Select(e => e.Description)]));
            }
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Result<AppUser>.From(Result.Forbidden(T["SignInFailed"]));
        }

        var managed = DirectorySignInRules.Managed(options.Value.RoleMap, Roles.All);
        var granted = DirectorySignInRules.Granted(who.Groups, options.Value.RoleMap, Roles.All);
        var (add, remove) = DirectorySignInRules.Changes(await users.GetRolesAsync(user), granted, managed);
        if (add.Count + remove.Count > 0)
        {
            if (add.Count > 0)
            {
                await users.AddToRolesAsync(user, add);
            }

            if (remove.Count > 0)
            {
                await users.RemoveFromRolesAsync(user, remove);
            }

            db.AddAudit(now, user.Id, "account.roles-from-directory", user.Id.ToString(), $"added: {string.Join(",", add)}; removed: {string.Join(",", remove)}");
            // Open sessions carry the old roles in their cookies: they end; this sign-in makes a new one.
            await sessions.RevokeAllAsync(user.Id, cancellationToken: ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<AppUser>.Success(user);
    }
}
