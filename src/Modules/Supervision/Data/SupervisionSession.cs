namespace ChangeAgentAcademy.Supervision.Data;

public class SupervisionSession
{
    public long Id { get; set; }

    public Guid GroupId { get; set; }

    public DateTime StartsUtc { get; set; }

    public DateTime EndsUtc { get; set; }

    public SessionStatus Status { get; set; }

    /// <summary>Moved or added by the supervisor: regenerating the calendar leaves it alone.</summary>
    public bool Adjusted { get; set; }

    /// <summary>Notes from the session: only the group's members and its supervisor may read them.</summary>
    public string? NotesMarkdown { get; set; }

    public string? NotesHtml { get; set; }

    public Guid? NotesBy { get; set; }

    public DateTime? NotesUtc { get; set; }

    /// <summary>When the presenters were told (a week ahead): the notice's unique effect.</summary>
    public DateTime? PresentersNotifiedUtc { get; set; }
}
