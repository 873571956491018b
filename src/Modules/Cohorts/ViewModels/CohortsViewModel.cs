namespace ChangeAgentAcademy.Cohorts.ViewModels;

/// <summary>The list of cohorts the person may see; <see cref="CanManage"/> offers a new one.</summary>
public sealed record CohortsViewModel(IReadOnlyList<CohortRow> Cohorts, bool CanManage);
