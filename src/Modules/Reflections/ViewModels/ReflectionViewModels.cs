using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record WorkRow(long Id, string Title, string ModuleTitle, AssignmentKind Kind, string Status, DateTime ReleaseUtc, DateTime DueUtc, bool HasExtension, int Versions, bool HasDraft, DateTime? LastSubmittedUtc)
{
    /// <summary>The cohort's name when the work belongs to another cohort than the person's current one.</summary>
    public string? EarlierCohort { get; init; }
}

public sealed record UpcomingRow(string Title, string ModuleTitle, DateTime ReleaseUtc, DateTime DueUtc);

public sealed record ReflectionListViewModel(IReadOnlyList<WorkRow> Current, IReadOnlyList<WorkRow> Done, IReadOnlyList<UpcomingRow> Upcoming, string? CohortName);

public sealed record VersionView(int Number, DateTime SubmittedUtc, bool Late, bool SubmittedDespiteWarning, string Text);

public sealed record FeedbackView(int Version, string Trainer, ReviewDecision Decision, string Html, DateTime CreatedUtc);

/// <summary>A stretch of the text, marked when it may identify a citizen.</summary>
public sealed record TextSegment(string Text, FindingKind? Kind);

public sealed class EditorViewModel
{
    public long Id { get; init; }

    public string Title { get; init; } = "";

    public string ModuleTitle { get; init; } = "";

    public string? Prompt { get; init; }

    public string InstructionsHtml { get; init; } = "";

    public string LessonUrl { get; init; } = "";

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

    public IReadOnlyList<VersionView> Versions { get; init; } = [];

    public IReadOnlyList<FeedbackView> Feedback { get; init; } = [];

    /// <summary>The text by paragraph with possible citizen details marked (only when the hand-in was stopped to warn).</summary>
    public IReadOnlyList<IReadOnlyList<TextSegment>>? Findings { get; init; }

    public IReadOnlyList<FindingKind> FindingKinds { get; init; } = [];

    public IReadOnlyList<DiffLine>? LatestDiff { get; init; }
}

public sealed record QueueRow(long WorkId, string Trainee, string Cohort, string Title, string ModuleId, int Version, DateTime SubmittedUtc, bool Late, WorkStatus Status);

public sealed record TrainerCount(string Trainer, int Waiting, int ReviewedLast30Days);

public sealed record FilterOption(string Value, string Text);

public sealed record QueueViewModel(IReadOnlyList<QueueRow> Rows, IReadOnlyList<TrainerCount> Trainers, IReadOnlyList<FilterOption> Cohorts, IReadOnlyList<FilterOption> Modules, string? Cohort, string? Module, string Status);

public sealed class ReviewPageViewModel
{
    public long WorkId { get; init; }

    public string LessonKey { get; init; } = "";

    public string Trainee { get; init; } = "";

    public string Cohort { get; init; } = "";

    public string Title { get; init; } = "";

    public string? Prompt { get; init; }

    public WorkStatus Status { get; init; }

    public DateTime DueUtc { get; init; }

    public IReadOnlyList<VersionView> Versions { get; init; } = [];

    public IReadOnlyList<FeedbackView> Feedback { get; init; } = [];

    public IReadOnlyList<DiffLine>? Diff { get; init; }

    public int Version { get; set; }

    public string FeedbackText { get; set; } = "";

    public bool CanReview { get; init; }
}

public sealed record ScheduleRow(long Id, string Title, int ModuleNumber, AssignmentKind Kind, DateTime ReleaseUtc, DateTime DueUtc, bool Released, bool Moved);

public sealed record ExtensionRow(long WorkId, string Trainee, string Title, DateTime DueUtc, bool HasExtension, string Status);

public sealed record ScheduleViewModel(Guid CohortId, string CohortName, IReadOnlyList<ScheduleRow> Rows, IReadOnlyList<ExtensionRow> Work);

public sealed record LogRow(long Id, string Type, string Title, DateTime UpdatedUtc, bool HandedIn, long? FollowsLogId);

public sealed record LogEditorViewModel(
    long Id,
    string Type,
    string Title,
    IReadOnlyDictionary<string, string> Fields,
    string? Follows,
    string? EventRef,
    IReadOnlyList<FilterOption> EarlierTests,
    IReadOnlyList<FilterOption> Events,
    IReadOnlyList<FilterOption> FollowedBy,
    long? WorkId,
    IReadOnlyList<LogProblem> Problems,
    string Token,
    string? Origin,
    IReadOnlyList<IReadOnlyList<TextSegment>>? Findings,
    IReadOnlyList<FindingKind> FindingKinds);

public sealed record CalendarPageViewModel(string? FeedUrl, IReadOnlyList<CalendarEntry> Upcoming);
