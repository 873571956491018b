namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record QueueViewModel(IReadOnlyList<QueueRow> Rows, IReadOnlyList<TrainerCountRow> Trainers, TurnaroundRow Turnaround, IReadOnlyList<FilterOption> Cohorts, IReadOnlyList<FilterOption> Modules, string? Cohort, string? Module, string Status);
