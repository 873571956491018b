using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed class EditorViewModel
{
    public long Id { get; init; }

    public string Title { get; init; } = "";

    public string ModuleTitle { get; init; } = "";

    public string? Prompt { get; init; }

    public string InstructionsHtml { get; init; } = "";

    /// <summary>The lesson in the programme (from the outline); null when the outline has none (the page links the programme).</summary>
    public string? LessonUrl { get; init; }

    public string LessonKey { get; init; } = "";

    public AssignmentKind Kind { get; init; }

    /// <summary>A practical assignment that is best written as a structured log (pdsa, shadowing, dilemma, co-facilitation).</summary>
    public string? LogType { get; init; }

    public string Status { get; init; } = "";

    public DateTime DueUtc { get; init; }

    public bool HasExtension { get; init; }

    public bool Writable { get; init; }

    public string Text { get; set; } = "";

    public DateTime? DraftSavedUtc { get; init; }

    public DateTime? LastSubmittedUtc { get; init; }

    public string Token { get; init; } = "";

    public int MaxLength { get; init; }

    public Guid PersonId { get; init; }

    public IReadOnlyList<VersionRow> Versions { get; init; } = [];

    public IReadOnlyList<FeedbackRow> Feedback { get; init; } = [];

    /// <summary>The text by paragraph with possible citizen details marked (only when the hand-in was stopped to warn).</summary>
    public IReadOnlyList<IReadOnlyList<TextSegmentRow>>? Findings { get; init; }

    public IReadOnlyList<CitizenDataKind> FindingKinds { get; init; } = [];

    public IReadOnlyList<DiffLine>? LatestDiff { get; init; }
}
