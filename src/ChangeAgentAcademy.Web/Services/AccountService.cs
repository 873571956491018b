using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Web.Security;
using ChangeAgentAcademy.Web.ViewModels;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Web.Services;

/// <summary>
/// A person's own account: what follows a lock-out, a reset or a change of password (sessions end, the audit), the
/// forgotten-password mail, the language. Each change that writes more than one row is one transaction. Signing in
/// and out (the cookie) stays with the controller.
/// </summary>
public sealed class AccountService(
    UserManager<AppUser> users,
    AppDbContext db,
    SessionStore sessions,
    IEmailOutbox outbox,
    IJobTrigger jobs,
    TimeProvider clock,
    IStringLocalizer<SharedText> T)
{
    /// <summary>Locked by a failed sign-in: whoever holds a session of this account loses it now.</summary>
    public async Task LockedOutAsync(Guid userId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await sessions.RevokeAllAsync(userId, cancellationToken: ct);
        db.AddAudit(clock.GetUtcNow().UtcDateTime, null, "account.locked-out", userId.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A successful sign-in, for the audit.</summary>
    public async Task SignedInAsync(Guid userId, CancellationToken ct = default)
    {
        db.AddAudit(clock.GetUtcNow().UtcDateTime, userId, "account.signed-in", userId.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A refused sign-in, for the audit: the e-mail address as typed (cut to 200 characters) and why, never the password.
    /// The subject is the account when the address names one.
    /// </summary>
    public async Task SignInFailedAsync(string typedEmail, Guid? userId, string reason, CancellationToken ct = default)
    {
        var email = typedEmail.Trim();
        email = email.Length > 200 ? email[..200] : email;
        db.AddAudit(clock.GetUtcNow().UtcDateTime, null, "account.sign-in-failed", userId?.ToString() ?? "", $"{reason}; {email}");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A sign-out (this session), for the audit.</summary>
    public async Task SignedOutAsync(Guid userId, CancellationToken ct = default)
    {
        db.AddAudit(clock.GetUtcNow().UtcDateTime, userId, "account.signed-out", userId.ToString());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every session of the person ends, this one included.</summary>
    public async Task SignOutEverywhereAsync(Guid me, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await sessions.RevokeAllAsync(me, cancellationToken: ct);
        db.AddAudit(clock.GetUtcNow().UtcDateTime, me, "account.signed-out-everywhere", me.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Mails a reset link (<paramref name="resetLink"/> builds it from the person and a token) when the address is known;
    /// nothing when it is not. The caller answers the same either way.
    /// </summary>
    public async Task ForgotAsync(string email, Func<AppUser, string, string> resetLink, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = resetLink(user, token);
        using (new CultureScope(user.Language))
        {
            await outbox.QueueAsync(new OutboundEmail(user.Email!, T["ResetMailSubject"], T["ResetMailBody", user.DisplayName, link]));
        }

        db.AddAudit(clock.GetUtcNow().UtcDateTime, user.Id, "account.reset-requested", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        jobs.Trigger(JobIds.NotificationsOutbox);
    }

    /// <summary>Sets a new password with a reset token; the account is unlocked and every session ends (whoever knew the old password may hold one).</summary>
    public async Task<Result> ResetPasswordAsync(string email, string token, string password, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByEmailAsync(email);
        var result = user is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded)
        {
            return Refused(result);
        }

        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        await sessions.RevokeAllAsync(user!.Id, cancellationToken: ct);
        db.AddAudit(clock.GetUtcNow().UtcDateTime, user.Id, "account.password-reset", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success();
    }

    /// <summary>Changes the person's password; every other session ends (a thief's included), <paramref name="keepSessionId"/> is kept.</summary>
    public async Task<Result> ChangePasswordAsync(AppUser user, string currentPassword, string newPassword, string? keepSessionId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            return Refused(result);
        }

        await sessions.RevokeAllAsync(user.Id, keepSessionId, ct);
        db.AddAudit(clock.GetUtcNow().UtcDateTime, user.Id, "account.password-changed", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success();
    }

    /// <summary>The person's open sessions, the one of this request marked.</summary>
    public async Task<IReadOnlyList<SessionRow>> SessionsAsync(Guid me, string? currentSessionId, CancellationToken ct = default) =>
        (await sessions.ListAsync(me, ct))
            .Select(s => new SessionRow(s.CreatedUtc, DeviceName.Describe(s.Device), s.Id == currentSessionId))
            .ToList();

    /// <summary>Remembers a signed-in person's language in their profile.</summary>
    public async Task SetLanguageAsync(Guid personId, string language, CancellationToken ct = default)
    {
        if (await db.Users.FindAsync([personId], ct) is { } user)
        {
            user.Language = language;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The person's own name and team, for the start page.</summary>
    public async Task<(string Name, string? Team)> WhoAsync(Guid personId, CancellationToken ct = default)
    {
        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == personId)
            .Select(u => new { u.DisplayName, Team = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault() })
            .FirstAsync(ct);
        return (me.DisplayName, me.Team);
    }

    private static Result Refused(IdentityResult result) => Result.Invalid([.. result.Errors.Select(e => e.Description)]);
}
