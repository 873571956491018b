using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>A hand-in waiting for the trainer, with how many whole days it has waited.</summary>
public sealed record WaitingReview(long WorkId, string Person, string Title, DateTime SubmittedUtc, int DaysWaited);
