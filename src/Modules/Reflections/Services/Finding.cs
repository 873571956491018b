namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Start/Length index into the original text; Text is the matched substring.</summary>
public sealed record Finding(int Start, int Length, FindingKind Kind, string Text);
