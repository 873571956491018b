namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>A trainer's workload: hand-ins waiting in the cohorts they run, reviews in the last 30 days, and how long their first reviews took (median, p90).</summary>
public sealed record TrainerCountRow(string Trainer, int Waiting, int ReviewedLast30Days, TimeSpan? Median, TimeSpan? P90);
