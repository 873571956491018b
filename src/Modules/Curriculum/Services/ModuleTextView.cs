namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record ModuleTextView(string Language, string Title, string Summary, string IntroHtml, string? ObjectivesHtml = null);
