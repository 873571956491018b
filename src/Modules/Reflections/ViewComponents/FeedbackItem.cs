using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>A trainer's decision on the person's own work, newest first.</summary>
public sealed record FeedbackItem(long WorkId, string Title, ReviewDecision Decision, DateTime ReviewedUtc);
