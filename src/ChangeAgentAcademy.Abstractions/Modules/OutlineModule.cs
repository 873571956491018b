namespace ChangeAgentAcademy.Modules;

public sealed record OutlineModule(string Id, string Title, IReadOnlyList<string> LessonKeys);
