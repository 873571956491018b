namespace ChangeAgentAcademy.Privacy.Data;

/// <summary>A person's request to be erased, waiting for the data protection officer.</summary>
public class ErasureRequest
{
    public Guid Id { get; set; }

    /// <summary>Who asks; replaced by an empty id when they are erased.</summary>
    public Guid UserId { get; set; }

    /// <summary>The person while the request waits, null after: unique, so a person has at most one waiting request, whoever asks at once.</summary>
    public Guid? WaitingFor { get; set; }

    public ErasureStatus Status { get; set; }

    public DateTime RequestedUtc { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public Guid? DecidedBy { get; set; }
}
