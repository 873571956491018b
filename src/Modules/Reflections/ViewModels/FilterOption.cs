namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record FilterOption(string Value, string Text);
