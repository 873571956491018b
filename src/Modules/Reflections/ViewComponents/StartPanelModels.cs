using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>One of the person's own assignments on the start page: its editor, title, due date and state.</summary>
public sealed record NextWork(long Id, string Title, DateTime DueUtc, WorkStatus Status, bool Overdue);

/// <summary>A trainer's decision on the person's own work, newest first.</summary>
public sealed record FeedbackItem(long WorkId, string Title, ReviewDecision Decision, DateTime ReviewedUtc);

public sealed record MyWorkPanelModel(IReadOnlyList<NextWork> Due, IReadOnlyList<FeedbackItem> Feedback, int HandedIn, int Released);

/// <summary>A hand-in waiting for the trainer, with how many whole days it has waited.</summary>
public sealed record WaitingReview(long WorkId, string Person, string Title, DateTime SubmittedUtc, int DaysWaited);

public sealed record ReviewPanelModel(IReadOnlyList<WaitingReview> Waiting, int Total);

/// <summary>A team member's hand-in and its state now: status and the hand-in date only, never what they wrote or were told.</summary>
public sealed record TeamStatusChange(string Person, string Title, string Status, DateTime ChangedUtc);

/// <summary>How many open assignments of one team member are past their due date.</summary>
public sealed record OverdueCount(string Person, int Count);

public sealed record TeamWorkPanelModel(IReadOnlyList<TeamStatusChange> Changes, IReadOnlyList<OverdueCount> Overdue);
