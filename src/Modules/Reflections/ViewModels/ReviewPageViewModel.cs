using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.ViewModels;

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

    public IReadOnlyList<VersionRow> Versions { get; init; } = [];

    public IReadOnlyList<FeedbackRow> Feedback { get; init; } = [];

    public IReadOnlyList<DiffLine>? Diff { get; init; }

    public int Version { get; set; }

    public string FeedbackText { get; set; } = "";

    /// <summary>Set when the feedback may identify a citizen: nothing saved, the warning shown, <see cref="FeedbackDecision"/> offered as "save anyway".</summary>
    public CitizenDataWarning? FeedbackCitizenData { get; set; }

    public string? FeedbackDecision { get; set; }

    public bool CanReview { get; init; }

    /// <summary>The assignment's rubric title; null when it has none (free-text review).</summary>
    public string? RubricTitle { get; init; }

    public string? GuidanceHtml { get; init; }

    public IReadOnlyList<RubricCriterionRow> Criteria { get; init; } = [];

    /// <summary>The trainer's own saved comments, to insert into the feedback.</summary>
    public IReadOnlyList<CommentOption> Comments { get; init; } = [];
}
