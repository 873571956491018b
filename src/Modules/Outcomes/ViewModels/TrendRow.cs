namespace ChangeAgentAcademy.Outcomes.ViewModels;

/// <summary>One week of a cohort (week 1 starts on its start date): first versions handed in, first reviews given.</summary>
public sealed record TrendRow(int Week, int HandIns, int Reviews);
