namespace ChangeAgentAcademy.Supervision.Data;

/// <summary>Who presents a case or dilemma at a session: proposed by the rotation, swappable by the supervisor.</summary>
public class SessionPresenter
{
    public long SessionId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Set by the supervisor's swap rather than the rotation.</summary>
    public bool Swapped { get; set; }

    /// <summary>Did they present (recorded with attendance); a missed turn is owed back by the rotation.</summary>
    public bool? Presented { get; set; }
}
