namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>One rule against one person: <paramref name="Kind"/> is reflections, practicals, supervision, workshops or lessons.</summary>
public sealed record RuleCheck(string Kind, int Have, int Need, bool Met);
