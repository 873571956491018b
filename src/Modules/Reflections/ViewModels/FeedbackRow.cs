using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record FeedbackRow(int Version, string Trainer, ReviewDecision Decision, string Html, DateTime CreatedUtc);
