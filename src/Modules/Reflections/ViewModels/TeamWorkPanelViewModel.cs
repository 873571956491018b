namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record TeamWorkPanelViewModel(IReadOnlyList<TeamStatusRow> Changes, IReadOnlyList<OverdueRow> Overdue);
