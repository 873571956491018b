namespace ChangeAgentAcademy.Modules;

/// <summary>Where a person is placed in the programme, answered by the Cohorts module (absent when it is switched off).</summary>
public interface ICohortDirectory
{
    Task<CohortPlacement?> FindPlacementAsync(Guid personId, CancellationToken cancellationToken = default);
}

/// <summary><paramref name="Track"/> is "trainee" or "leader".</summary>
public sealed record CohortPlacement(Guid CohortId, string CohortName, string Track, string Language, DateOnly StartDate);
