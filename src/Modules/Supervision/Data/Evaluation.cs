namespace ChangeAgentAcademy.Supervision.Data;

/// <summary>One member's answers to the regular evaluation. Only aggregates are ever shown.</summary>
public class Evaluation
{
    public long Id { get; set; }

    public Guid GroupId { get; set; }

    /// <summary>The held session after which the evaluation was due.</summary>
    public long SessionId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>1-5: I get space to bring my cases.</summary>
    public int Space { get; set; }

    /// <summary>1-5: the frame (time, confidentiality) is kept.</summary>
    public int Frame { get; set; }

    /// <summary>1-5: the group helps my practice.</summary>
    public int Usefulness { get; set; }

    /// <summary>1-5: I feel safe to speak.</summary>
    public int Safety { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedUtc { get; set; }
}
