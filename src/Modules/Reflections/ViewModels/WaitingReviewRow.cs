namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>A hand-in waiting for the trainer, with how many whole days it has waited.</summary>
public sealed record WaitingReviewRow(long WorkId, string Person, string Title, DateTime SubmittedUtc, int DaysWaited);
