using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// How a module reaches the core's tables through EF Core's <see cref="DbContext"/> (the host's context is
/// injected as that): <c>db.Set&lt;AppUser&gt;()</c>, <c>Set&lt;Team&gt;()</c>, <c>Set&lt;AuditEntry&gt;()</c> (EF translates
/// <c>Set</c> inside a query, where an extension method would not be), and <see cref="AddAudit"/>. The context itself, with Identity's
/// mapping and the migrations, lives on the host's side (ChangeAgentAcademy.Data), which no module references.
/// </summary>
public static class CoreData
{
    /// <summary>Adds an audit entry to the caller's unit of work (saved with the change it records).</summary>
    public static void AddAudit(this DbContext db, DateTime atUtc, Guid? actorId, string action, string subject, string? details = null) =>
        db.Set<AuditEntry>().Add(new AuditEntry { AtUtc = atUtc, ActorId = actorId, Action = action, Subject = subject, Details = details });
}
