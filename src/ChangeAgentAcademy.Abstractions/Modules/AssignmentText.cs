namespace ChangeAgentAcademy.Modules;

public sealed record AssignmentText(string Key, string ModuleId, string ModuleTitle, string Title, string? Prompt, string InstructionsHtml, string Url);
