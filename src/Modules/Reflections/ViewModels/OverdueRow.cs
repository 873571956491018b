namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>How many open assignments of one team member are past their due date.</summary>
public sealed record OverdueRow(string Person, int Count);
