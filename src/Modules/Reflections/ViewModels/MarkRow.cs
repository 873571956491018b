namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>One marked criterion of a review: its name, the level (1–3) and that level's descriptor.</summary>
public sealed record MarkRow(string Criterion, int Level, string Descriptor);
