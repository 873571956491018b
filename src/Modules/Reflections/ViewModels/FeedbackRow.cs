using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record FeedbackRow(int Version, string Trainer, ReviewDecision Decision, string Html, DateTime CreatedUtc)
{
    /// <summary>The rubric as the trainer marked it on this version; empty for a free-text review.</summary>
    public IReadOnlyList<MarkRow> Marks { get; init; } = [];
}
