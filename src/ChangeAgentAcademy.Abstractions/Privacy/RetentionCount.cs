namespace ChangeAgentAcademy.Privacy;

/// <summary>What a retention pass deletes (or, dry, would delete): <paramref name="Count"/> rows of one kind.</summary>
public sealed record RetentionCount(string Module, string Retention, string Entity, int Count);
