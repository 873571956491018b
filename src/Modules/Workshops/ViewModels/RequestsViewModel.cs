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

    public int MinParticipants { get; init; }

    public int MaxParticipants { get; init; }
}
