namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record TeamViewModel(IReadOnlyList<TeamRow> Teams, IReadOnlyList<OpenCohortRow> OpenCohorts, IReadOnlyList<PendingRequestRow> Requests);
