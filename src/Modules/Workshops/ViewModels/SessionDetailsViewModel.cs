using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed class SessionDetailsViewModel
{
    public required SessionRow Session { get; init; }

    public bool CanBook { get; init; }

    /// <summary>The session's facilitator or an administrator: participants, the record and the ideas.</summary>
    public bool CanRecord { get; init; }

    /// <summary>Holds a place (attended) or facilitates: sees the record and may turn ideas into PDSA tests.</summary>
    public bool CanUseIdeas { get; init; }

    public IReadOnlyList<ParticipantRow> Participants { get; init; } = [];

    public RecordViewModel Record { get; set; } = new();

    public bool HasRecord { get; init; }

    public IReadOnlyList<IdeaRow> Ideas { get; init; } = [];

    public string? NewIdea { get; set; }

    /// <summary>Set when a save found possible citizen data in the record: nothing saved, the form shows the warning.</summary>
    public CitizenDataWarning? RecordCitizenData { get; set; }

    /// <summary>Set when a new idea may identify a citizen.</summary>
    public CitizenDataWarning? IdeaCitizenData { get; set; }

    public DateTime NowUtc { get; init; }
}
