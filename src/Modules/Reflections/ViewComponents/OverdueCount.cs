using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>How many open assignments of one team member are past their due date.</summary>
public sealed record OverdueCount(string Person, int Count);
