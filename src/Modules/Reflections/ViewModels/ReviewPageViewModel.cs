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

    public bool CanReview { get; init; }
}
