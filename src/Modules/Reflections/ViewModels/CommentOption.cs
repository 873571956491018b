namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>A saved comment offered for insertion into feedback: its id, a short label and the whole text.</summary>
public sealed record CommentOption(long Id, string Label, string Text);
