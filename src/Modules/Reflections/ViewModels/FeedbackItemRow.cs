using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>A trainer's decision on the person's own work, newest first.</summary>
public sealed record FeedbackItemRow(long WorkId, string Title, ReviewDecision Decision, DateTime ReviewedUtc);
