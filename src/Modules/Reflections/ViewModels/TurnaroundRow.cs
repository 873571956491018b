namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>Time to first review over the last 30 days in the cohorts the trainer sees: how many, median and p90 (null when none).</summary>
public sealed record TurnaroundRow(int Reviews, TimeSpan? Median, TimeSpan? P90);
