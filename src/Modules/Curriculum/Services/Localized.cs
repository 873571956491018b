namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>A text in the reader's language, or in the programme's default language when it has no translation.</summary>
public sealed record Localized<T>(T Value, bool IsFallback);
