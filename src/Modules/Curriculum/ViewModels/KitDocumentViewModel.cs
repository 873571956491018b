namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record KitDocumentViewModel(string Id, string Kind, IReadOnlyList<string> Audience, string Title, string Summary, string Html, string? TocHtml, bool IsFallback, string ShownLanguage);
