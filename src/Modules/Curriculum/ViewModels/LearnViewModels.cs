using ChangeAgentAcademy.Curriculum.Data;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record ModuleProgress(string Id, string Title, string Summary, int Done, int Total, bool IsFallback)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

public sealed record ResumeLink(string ModuleId, string Slug, string Title);

public sealed record ProgrammeViewModel(IReadOnlyList<ModuleProgress> Modules, ResumeLink? Resume, string? CohortName, bool Finished, IReadOnlyList<CompletionCriteria>? Completion = null);

public sealed record ItemRow(string Slug, LessonKind Kind, string Title, int ReadingMinutes, bool Done, bool IsFallback);

/// <summary><paramref name="Assignments"/>: the reader's released work per item slug (from the Reflections module).</summary>
public sealed record ModulePageViewModel(ModuleProgress Progress, string IntroHtml, IReadOnlyList<ItemRow> Items, IReadOnlyDictionary<string, ChangeAgentAcademy.Modules.AssignmentLink>? Assignments = null, string? ObjectivesHtml = null);

public sealed record LessonPageViewModel(
    ModuleProgress Module,
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

public sealed record KitRow(string Id, string Title, string Summary, IReadOnlyList<string> Audience, bool IsFallback);

public sealed record KitGroup(string Kind, IReadOnlyList<KitRow> Documents);

public sealed record KitIndexViewModel(IReadOnlyList<KitGroup> Groups);

public sealed record KitDocumentViewModel(string Id, string Kind, IReadOnlyList<string> Audience, string Title, string Summary, string Html, string? TocHtml, bool IsFallback, string ShownLanguage);

/// <summary>A track's completion criteria (a kit document of kind completion) for the programme page.</summary>
public sealed record CompletionCriteria(string Track, string Title, string Html, string ShownLanguage);

public sealed record RubricViewModel(ChangeAgentAcademy.Curriculum.Services.RubricView Rubric, bool ShowGuidance, bool IsFallback);
