namespace ChangeAgentAcademy.Reflections.Data;

public enum WorkStatus
{
    /// <summary>Released, nothing submitted yet.</summary>
    Open,

    /// <summary>A version waits for a trainer.</summary>
    Submitted,

    /// <summary>The trainer asked for a revision.</summary>
    RevisionRequested,

    Accepted,
}
