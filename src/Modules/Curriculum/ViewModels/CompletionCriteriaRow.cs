namespace ChangeAgentAcademy.Curriculum.ViewModels;

/// <summary>A track's completion criteria (a kit document of kind completion) for the programme page.</summary>
public sealed record CompletionCriteriaRow(string Track, string Title, string Html, string ShownLanguage);
