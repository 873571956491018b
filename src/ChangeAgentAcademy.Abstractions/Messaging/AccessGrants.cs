using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Messaging;

/// <summary>
/// Separation of duties for confidential content (reflections, feedback, supervision notes). The rule:
/// <list type="number">
/// <item>nobody grants themself a role, or a place (a cohort's trainer, a supervision group's member) that opens such content;</item>
/// <item>when someone else grants it, the people whose content it opens are told (the cohort's trainers, the group's
/// members, for a role the other administrators), and the grant is in the audit with who gave it.</item>
/// </list>
/// So an administrator who wants to read reflections needs a second person to act, and everyone affected sees it.
/// </summary>
public static class AccessGrants
{
    /// <summary>What was granted, for the notice's wording: a role, a cohort's trainer place, a group's member place.</summary>
    public enum Kind
    {
        Role,
        CohortTrainer,
        GroupMember,
    }

    /// <summary>Roles that open confidential content, or let their holder give others access to it.</summary>
    public static bool IsSensitiveRole(string role) => role is Security.Roles.Administrator or Security.Roles.Trainer or Security.Roles.Supervisor;

    /// <summary>
    /// Audits each sensitive role granted (with who granted it) and tells the other administrators: a second pair
    /// of eyes on every such grant. Other roles pass without a query.
    /// </summary>
    public static async Task RolesGrantedAsync(
        DbContext db, INotifier notifier, IStringLocalizer<SharedText> T, IEnumerable<(Guid UserId, string Role)> granted, Guid actor, DateTime atUtc, CancellationToken ct = default)
    {
        var sensitive = granted.Where(g => IsSensitiveRole(g.Role)).ToList();
        if (sensitive.Count == 0)
        {
            return;
        }

        var admins = await (from ur in db.Set<IdentityUserRole<Guid>>() join r in db.Set<AppRole>() on ur.RoleId equals r.Id where r.Name == Security.Roles.Administrator select ur.UserId).ToListAsync(ct);
        foreach (var (userId, role) in sensitive)
        {
            db.AddAudit(atUtc, actor, "people.role-granted", userId.ToString(), role);
            await NotifyAsync(db, notifier, T, admins, Kind.Role, role, role, userId, actor, $"/admin/people/{userId}", atUtc, ct);
        }
    }

    /// <summary>Tells each recipient (in their language) that <paramref name="grantee"/> was given access by <paramref name="actor"/>.</summary>
    public static async Task NotifyAsync(
        DbContext db, INotifier notifier, IStringLocalizer<SharedText> T, IEnumerable<Guid> recipients,
        Kind kind, string subjectId, string place, Guid grantee, Guid actor, string url, DateTime atUtc, CancellationToken ct = default)
    {
        var to = recipients.Where(r => r != grantee && r != actor).Distinct().ToList();
        if (to.Count == 0)
        {
            return;
        }

        var names = await db.Set<AppUser>().Where(u => u.Id == grantee || u.Id == actor).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var languages = await db.Set<AppUser>().Where(u => to.Contains(u.Id)).Select(u => new { u.Id, u.Language }).ToListAsync(ct);
        foreach (var person in languages)
        {
            using (new CultureScope(ProgrammeOptions.IsSupported(person.Language) ? person.Language : "en"))
            {
                var subject = T["Grant.Subject", names.GetValueOrDefault(grantee, "?"), place].Value;
                var body = T["Grant.Body." + kind, names.GetValueOrDefault(actor, "?"), names.GetValueOrDefault(grantee, "?"), place].Value;
                await notifier.NotifyAsync(new Notice($"grant:{kind}:{subjectId}:{grantee}:{person.Id}:{atUtc.Ticks}", person.Id, subject, body, url), ct);
            }
        }
    }
}
