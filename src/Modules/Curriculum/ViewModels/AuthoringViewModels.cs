using ChangeAgentAcademy.Text;
using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record LanguageStatus(string Language, int? PublishedNumber, bool HasNewerDraft, bool HasConflict);

public sealed record AuthoringRow(string ModuleId, string Slug, LessonKind Kind, string Title, IReadOnlyList<LanguageStatus> Languages);

public sealed record ConflictRow(long Id, string LessonKey, string Language, string File, string IncomingTitle, DateTime DetectedUtc);

public sealed record AuthoringIndexViewModel(IReadOnlyList<(string ModuleTitle, IReadOnlyList<AuthoringRow> Rows)> Modules, IReadOnlyList<ConflictRow> Conflicts, ImportReport? LastImport);

public sealed class EditLessonViewModel
{
    public string ModuleId { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Language { get; set; } = "";

    public LessonKind Kind { get; set; }

    [Required(ErrorMessage = "Required")]
    [StringLength(200, ErrorMessage = "TooLong")]
    [Display(Name = "LessonTitle")]
    public string? Title { get; set; }

    [Range(1, 120, ErrorMessage = "ReadingMinutesRange")]
    [Display(Name = "ReadingMinutes")]
    public int ReadingMinutes { get; set; } = 5;

    [StringLength(4000, ErrorMessage = "TooLong")]
    [Display(Name = "Prompt")]
    public string? Prompt { get; set; }

    [Required(ErrorMessage = "Required")]
    [StringLength(100_000, ErrorMessage = "TooLong")]
    [Display(Name = "LessonText")]
    public string? Markdown { get; set; }

    public int Revision { get; set; }

    public int? BasedOnNumber { get; set; }

    public bool BasedOnDraft { get; set; }

    public string? PreviewHtml { get; set; }

    /// <summary>On a conflict: what is published now, so the author can compare before saving again.</summary>
    public string? CurrentPublishedMarkdown { get; set; }
}

public sealed record VersionRow(long Id, int Number, VersionStatus Status, VersionSource Source, string Title, DateTime CreatedUtc, string? CreatedBy, DateTime? PublishedUtc, string? PublishedBy);

public sealed record HistoryViewModel(string ModuleId, string Slug, string Language, string Title, IReadOnlyList<VersionRow> Versions);

public sealed record DiffViewModel(string ModuleId, string Slug, string Language, VersionRow From, VersionRow To, IReadOnlyList<DiffLine> Lines);
