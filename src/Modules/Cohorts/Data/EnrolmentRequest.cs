namespace ChangeAgentAcademy.Cohorts.Data;

/// <summary>A trainee asks for a place; their leader approves or declines with a message.</summary>
public class EnrolmentRequest
{
    public Guid Id { get; set; }

    public Guid CohortId { get; set; }

    public Guid UserId { get; set; }

    public RequestStatus Status { get; set; }

    public DateTime RequestedUtc { get; set; }

    public Guid? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? Message { get; set; }
}
