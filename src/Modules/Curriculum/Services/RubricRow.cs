namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>A rubric criterion as stored (JSON) and shown: stable id, name, three level descriptors.</summary>
public sealed record RubricRow(string Id, string Name, IReadOnlyList<string> Levels);
