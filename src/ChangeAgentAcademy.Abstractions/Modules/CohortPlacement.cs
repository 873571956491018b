namespace ChangeAgentAcademy.Modules;

/// <summary><paramref name="Track"/> is "trainee" or "leader".</summary>
public sealed record CohortPlacement(Guid CohortId, string CohortName, string Track, string Language, DateOnly StartDate);
