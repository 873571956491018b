namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>One of the trainer's saved comments on the comment bank page.</summary>
public sealed record SavedCommentRow(long Id, string Text, DateTime UpdatedUtc);
