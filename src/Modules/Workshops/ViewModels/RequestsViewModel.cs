using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed class RequestsViewModel
{
    public bool CanRequest { get; init; }

    public bool CanDecide { get; init; }

    public IReadOnlyList<TeamOption> Teams { get; init; } = [];

    public OnSiteRequestViewModel Form { get; set; } = new();

    public IReadOnlyList<RequestRow> MyRequests { get; init; } = [];

    public IReadOnlyList<RequestRow> Pending { get; init; } = [];

    public IReadOnlyList<RequestRow> Decided { get; init; } = [];

    /// <summary>The answer being edited (its typed values come back on an error).</summary>
    public DecisionViewModel? Decision { get; set; }

    /// <summary>Set when the wishes typed in the request form may identify a citizen: nothing sent, the warning above the form.</summary>
    public CitizenDataWarning? WishesCitizenData { get; set; }

    /// <summary>Set when the decline message to the leader (<see cref="Decision"/>) may identify a citizen: nothing sent.</summary>
    public CitizenDataWarning? MessageCitizenData { get; set; }

    public int MinParticipants { get; init; }

    public int MaxParticipants { get; init; }
}
