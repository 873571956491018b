using Microsoft.AspNetCore.Identity;

namespace ChangeAgentAcademy.Data;

/// <summary>A person: a local account that may hold several roles and belong to one team.</summary>
public class AppUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>UI and content language: sv, da, fi or en.</summary>
    public string Language { get; set; } = "en";

    public Guid? TeamId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name) { }
}

/// <summary>A unit's team. Its leader enrols members and follows their progress.</summary>
public class Team
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Guid? LeaderId { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>Who did what, when: enrolments, approvals, people admin, imports, erasure.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime AtUtc { get; set; }

    public Guid? ActorId { get; set; }

    public string Action { get; set; } = "";

    public string Subject { get; set; } = "";

    public string? Details { get; set; }
}

/// <summary>
/// One signed-in session (a browser's cookie). The cookie carries the id; a request whose session row is gone
/// is signed out. Sign-out deletes the row; a password change or reset, a lockout, a role change and
/// "sign out everywhere" delete every row of the person.
/// </summary>
public class UserSession
{
    public string Id { get; set; } = "";

    public Guid UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The browser as it named itself at sign-in (shortened), shown on the account page.</summary>
    public string? Device { get; set; }
}

/// <summary>
/// One row, counted up on every revocation: each node keeps the sessions it has checked in memory and
/// forgets them all when the count moves, so a revoked session ends on every node within a second.
/// </summary>
public class SessionGeneration
{
    public int Id { get; set; }

    public long Generation { get; set; }
}
