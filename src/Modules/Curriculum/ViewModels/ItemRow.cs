using ChangeAgentAcademy.Curriculum.Data;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record ItemRow(string Slug, LessonKind Kind, string Title, int ReadingMinutes, bool Done, bool IsFallback);
