namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record KitText(string Language, string Title, string Summary, string Html, string? TocHtml);
