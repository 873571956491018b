namespace ChangeAgentAcademy.Workshops.Data;

/// <summary>One future-workshop session (recurring every other Wednesday by default, or on site on request).</summary>
public class WorkshopSession
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string Place { get; set; } = "";

    public DateTime StartsUtc { get; set; }

    public DateTime EndsUtc { get; set; }

    public int Capacity { get; set; } = 10;

    public Guid? FacilitatorId { get; set; }

    /// <summary>Set for an on-site workshop scheduled from a leader's request.</summary>
    public Guid? RequestId { get; set; }

    public WorkshopStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }
}
