using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// How a module reaches the core's tables through EF Core's <see cref="DbContext"/> (the host's context is
/// injected as that): people, roles, teams, sessions and the audit. The context itself, with Identity's
/// mapping and the migrations, lives on the host's side (ChangeAgentAcademy.Data), which no module references.
/// </summary>
public static class CoreData
{
    public static DbSet<AppUser> Users(this DbContext db) => db.Set<AppUser>();

    public static DbSet<AppRole> Roles(this DbContext db) => db.Set<AppRole>();

    public static DbSet<IdentityUserRole<Guid>> UserRoles(this DbContext db) => db.Set<IdentityUserRole<Guid>>();

    public static DbSet<Team> Teams(this DbContext db) => db.Set<Team>();

    public static DbSet<AuditEntry> Audit(this DbContext db) => db.Set<AuditEntry>();

    public static DbSet<UserSession> Sessions(this DbContext db) => db.Set<UserSession>();

    /// <summary>Adds an audit entry to the caller's unit of work (saved with the change it records).</summary>
    public static void AddAudit(this DbContext db, DateTime atUtc, Guid? actorId, string action, string subject, string? details = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry { AtUtc = atUtc, ActorId = actorId, Action = action, Subject = subject, Details = details });
}
