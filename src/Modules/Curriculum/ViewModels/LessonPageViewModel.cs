using ChangeAgentAcademy.Curriculum.Data;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record LessonPageViewModel(
    ModuleProgressRow Module,
    string Slug,
    LessonKind Kind,
    string Title,
    int ReadingMinutes,
    string Html,
    string? TocHtml,
    string? Prompt,
    int? DueOffsetDays,
    bool IsFallback,
    string ShownLanguage,
    bool Done,
    ItemRow? Previous,
    ItemRow? Next,
    string? LessonKey = null);
