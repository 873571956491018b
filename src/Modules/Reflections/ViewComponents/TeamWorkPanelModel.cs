using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

public sealed record TeamWorkPanelModel(IReadOnlyList<TeamStatusChange> Changes, IReadOnlyList<OverdueCount> Overdue);
