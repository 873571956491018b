using ChangeAgentAcademy.Curriculum.Data;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record LessonItem(string Key, string ModuleId, string Slug, int Order, LessonKind Kind, int? DueOffsetDays, string? PracticalType);
