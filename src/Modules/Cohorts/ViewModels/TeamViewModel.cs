using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record TeamViewModel(IReadOnlyList<TeamRow> Teams, IReadOnlyList<OpenCohortRow> OpenCohorts, IReadOnlyList<PendingRequestRow> Requests)
{
    /// <summary>The request whose message to the person may identify a citizen (#15): nothing decided, the warning shown by it.</summary>
    public Guid? MessageFor { get; init; }

    /// <summary>The message as typed, kept in that request's form.</summary>
    public string MessageText { get; init; } = "";

    /// <summary>The decision chosen ("approve" or "decline"), carried by "send anyway".</summary>
    public string? MessageDecision { get; init; }

    public CitizenDataWarning? MessageCitizenData { get; init; }
}
