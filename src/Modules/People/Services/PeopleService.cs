using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.People.ViewModels;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.People.Services;

/// <summary>
/// Adding and changing people: the form's rules (separation of duties: nobody gives themself a role, drops their own
/// administrator role or locks themself), roles, lock, the welcome mail, the audit. Each change is one transaction.
/// </summary>
public sealed class PeopleService(
    DbContext db,
    UserManager<AppUser> users,
    IEmailOutbox outbox,
    IJobTrigger jobs,
    TimeProvider clock,
    ISessionRevoker sessions,
    INotifier notifier,
    IStringLocalizer<PeopleText> S,
    IStringLocalizer<SharedText> T)
{
    /// <summary>What is wrong with the form, as (field, localized message) pairs; <paramref name="existingId"/> is the person being changed, <paramref name="actor"/> who changes them.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(PersonFormViewModel model, Guid? existingId, Guid? actor, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        model.Roles = model.Roles.Where(r => !string.IsNullOrEmpty(r)).Distinct().ToList();
        if (model.Roles.Any(r => !Roles.All.Contains(r)))
        {
            errors.Add((nameof(model.Roles), S["UnknownRole"]));
        }

        if (model.Roles.Count == 0)
        {
            errors.Add((nameof(model.Roles), S["RoleRequired"]));
        }

        if (!ProgrammeOptions.IsSupported(model.Language))
        {
            errors.Add((nameof(model.Language), T["ValueInvalid", model.Language ?? ""]));
        }

        if (model.TeamId is { } teamId && !await db.Set<Team>().AnyAsync(x => x.Id == teamId, ct))
        {
            errors.Add((nameof(model.TeamId), S["UnknownTeam"]));
        }

        if (!string.IsNullOrWhiteSpace(model.Email))
        {
            var normalized = model.Email.Trim().ToUpperInvariant();
            var other = existingId ?? Guid.Empty;
            if (await db.Set<AppUser>().AnyAsync(u => u.NormalizedEmail == normalized && u.Id != other, ct))
            {
                errors.Add((nameof(model.Email), T["Identity.DuplicateEmail", model.Email]));
            }
        }

        if (existingId is { } id && id == actor && await users.FindByIdAsync(id.ToString()) is { } existing)
        {
            // Separation of duties (AccessGrants): nobody gives themself a role.
            if (model.Roles.Except(await users.GetRolesAsync(existing)).Any())
            {
                errors.Add((nameof(model.Roles), T["CannotGrantYourself"]));
            }

            if (!model.Roles.Contains(Roles.Administrator))
            {
                errors.Add((nameof(model.Roles), S["CannotDropOwnAdmin"]));
            }

            if (model.Locked)
            {
                errors.Add((nameof(model.Locked), S["CannotLockSelf"]));
            }
        }

        return errors;
    }

    /// <summary>
    /// Adds a person from a valid form, with their roles, and mails them a link to choose a password
    /// (<paramref name="resetLink"/> builds it from the person and a reset token). Identity's refusals come back as errors.
    /// </summary>
    public async Task<Result<string>> CreateAsync(PersonFormViewModel model, Guid actor, Func<AppUser, string, string> resetLink, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = model.Email!.Trim(),
            Email = model.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = model.DisplayName!.Trim(),
            Language = model.Language!,
            TeamId = model.TeamId,
            CreatedUtc = now,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return Result<string>.From(Refused(created));
        }

        await users.AddToRolesAsync(user, model.Roles.Distinct());
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = resetLink(user, token);
        using (new CultureScope(user.Language))
        {
            await outbox.QueueAsync(new OutboundEmail(user.Email, S["WelcomeMailSubject"], S["WelcomeMailBody", user.DisplayName, link]));
        }

        db.AddAudit(now, actor, "people.created", user.Id.ToString(), string.Join(",", model.Roles));
        await AccessGrants.RolesGrantedAsync(db, notifier, T, model.Roles.Select(r => (user.Id, r)), actor, now, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        jobs.Trigger(JobIds.NotificationsOutbox);
        return Result<string>.Success(user.DisplayName);
    }

    /// <summary>
    /// Saves a valid form over the person: details, roles, lock. A lock or a new set of roles ends every open session of
    /// the person at once, on every node: the next sign-in carries the new roles. The person's name when done.
    /// </summary>
    public async Task<Result<string>> UpdateAsync(Guid id, PersonFormViewModel model, Guid actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return Result<string>.From(Result.NotFound());
        }

        user.DisplayName = model.DisplayName!.Trim();
        user.Email = model.Email!.Trim();
        user.UserName = user.Email;
        user.Language = model.Language!;
        user.TeamId = model.TeamId;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return Result<string>.From(Refused(updated));
        }

        var current = await users.GetRolesAsync(user);
        var rolesChanged = !current.ToHashSet().SetEquals(model.Roles);
        await AccessGrants.RolesGrantedAsync(db, notifier, T, model.Roles.Except(current).Select(r => (user.Id, r)).ToList(), actor, clock.GetUtcNow().UtcDateTime, ct);
        await users.RemoveFromRolesAsync(user, current.Except(model.Roles));
        await users.AddToRolesAsync(user, model.Roles.Except(current).Distinct());
        await users.SetLockoutEndDateAsync(user, model.Locked ? DateTimeOffset.MaxValue : null);
        if (model.Locked || rolesChanged)
        {
            await users.UpdateSecurityStampAsync(user);
            await sessions.RevokeAllAsync(user.Id, cancellationToken: ct);
        }

        if (rolesChanged)
        {
            // Who changed whose roles from what to what: a record of its own, so the audit page can show role changes.
            db.AddAudit(clock.GetUtcNow().UtcDateTime, actor, "people.roles-changed", user.Id.ToString(), RoleChange(current, model.Roles));
        }

        db.AddAudit(clock.GetUtcNow().UtcDateTime, actor, "people.updated", user.Id.ToString(), string.Join(",", model.Roles) + (model.Locked ? ",locked" : ""));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<string>.Success(user.DisplayName);
    }

    /// <summary>"Trainee -> Trainee,Trainer": the roles before and after, each in a stable order.</summary>
    public static string RoleChange(IEnumerable<string> before, IEnumerable<string> after) =>
        $"{string.Join(",", before.Order(StringComparer.Ordinal))} -> {string.Join(",", after.Distinct().Order(StringComparer.Ordinal))}";

    private static Result Refused(IdentityResult result) => Result.Invalid([.. result.Errors.Select(e => e.Description)]);
}
