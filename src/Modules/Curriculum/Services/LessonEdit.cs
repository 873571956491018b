namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record LessonEdit(string Title, int ReadingMinutes, string? Prompt, string Markdown, int ExpectedRevision);
