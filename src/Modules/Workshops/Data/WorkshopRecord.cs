namespace ChangeAgentAcademy.Workshops.Data;

/// <summary>The facilitator's record of a held workshop in its three phases, with the vision questions.</summary>
public class WorkshopRecord
{
    public Guid SessionId { get; set; }

    public string Critique { get; set; } = "";

    /// <summary>When we have reached the goal, how do we work?</summary>
    public string VisionHowWeWork { get; set; } = "";

    /// <summary>Which value words guide us?</summary>
    public string VisionValues { get; set; } = "";

    /// <summary>How do residents see our service?</summary>
    public string VisionResidents { get; set; } = "";

    public Guid RecordedBy { get; set; }

    public DateTime UpdatedUtc { get; set; }
}
