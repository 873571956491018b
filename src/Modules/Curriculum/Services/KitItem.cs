namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>A kit document's structure: who reads it (<see cref="Audience"/>) and, for completion criteria, the track.</summary>
public sealed record KitItem(string Id, string Kind, IReadOnlyList<string> Audience, string? Track, int Order);
