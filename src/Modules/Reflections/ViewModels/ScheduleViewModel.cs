namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record ScheduleViewModel(Guid CohortId, string CohortName, IReadOnlyList<ScheduleRow> Rows, IReadOnlyList<ExtensionRow> Work);
