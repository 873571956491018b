using ChangeAgentAcademy.Curriculum.Data;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record AuthoringRow(string ModuleId, string Slug, LessonKind Kind, string Title, IReadOnlyList<LanguageStatusRow> Languages);
