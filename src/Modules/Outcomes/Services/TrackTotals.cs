namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>A track's size: its lesson keys, reflections and practical assignments.</summary>
public sealed record TrackTotals(IReadOnlyList<string> Lessons, int Reflections, int Practicals);
