namespace ChangeAgentAcademy.Workshops.Data;

/// <summary>A leader asks for an on-site workshop for 5-10 people in their unit; a trainer accepts and schedules it.</summary>
public class OnSiteRequest
{
    public Guid Id { get; set; }

    public Guid LeaderId { get; set; }

    public Guid TeamId { get; set; }

    public int Participants { get; set; }

    public string Wishes { get; set; } = "";

    public RequestStatus Status { get; set; }

    public Guid? SessionId { get; set; }

    public Guid? DecidedBy { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? DecidedUtc { get; set; }

    /// <summary>The trainer's message to the leader when the request is declined.</summary>
    public string? DeclineMessage { get; set; }
}
