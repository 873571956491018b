namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record ReflectionListViewModel(IReadOnlyList<WorkRow> Current, IReadOnlyList<WorkRow> Done, IReadOnlyList<UpcomingRow> Upcoming, string? CohortName);
