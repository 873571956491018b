namespace ChangeAgentAcademy.Reflections.Services;

public sealed record LogProblem(string Field, string Key);
