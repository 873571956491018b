namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record CohortsPanelViewModel(IReadOnlyList<CohortRow> Running, CohortRow? Mine, IReadOnlyList<string> MyTrainers, int TeamMembers, bool IsLeader, bool SeesAll);
