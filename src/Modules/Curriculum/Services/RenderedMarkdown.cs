namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record RenderedMarkdown(string Html, string? TocHtml, int Words);
