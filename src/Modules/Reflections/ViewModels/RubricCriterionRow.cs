namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>A criterion on the marking form: its stable id, name, three level descriptors and the level chosen so far.</summary>
public sealed record RubricCriterionRow(string Id, string Name, IReadOnlyList<string> Levels, int? Selected);
