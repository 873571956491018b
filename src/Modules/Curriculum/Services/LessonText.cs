namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record LessonText(long VersionId, int Number, string Language, string Title, int ReadingMinutes, string? Prompt, string Html, string? TocHtml);
