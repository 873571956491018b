using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Curriculum.Data;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

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
