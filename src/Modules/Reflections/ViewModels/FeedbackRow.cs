using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record FeedbackRow(int Version, string Trainer, ReviewDecision Decision, string Html, DateTime CreatedUtc);
