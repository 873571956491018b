namespace ChangeAgentAcademy.Data;

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
