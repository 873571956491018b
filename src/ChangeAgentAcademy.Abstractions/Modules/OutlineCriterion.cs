namespace ChangeAgentAcademy.Modules;

public sealed record OutlineCriterion(string Id, string Name, IReadOnlyList<string> Levels);
