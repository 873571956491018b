namespace ChangeAgentAcademy.Modules;

/// <summary>Where people are placed in the programme, answered by the Cohorts module (absent when it is switched off).</summary>
public interface ICohortDirectory
{
    /// <summary>The person's current place: their running cohort (one per track) before ended ones, the latest first.</summary>
    Task<CohortPlacement?> FindPlacementAsync(Guid personId, CancellationToken cancellationToken = default);

    /// <summary>Every open cohort with its cadence and who runs it (one or two queries; there are at most a few hundred).</summary>
    Task<IReadOnlyList<CohortCadence>> OpenCohortsAsync(CancellationToken cancellationToken = default);

    /// <summary>The enrolled (not waitlisted, not withdrawn) members of the given cohorts, as (cohort, person) pairs.</summary>
    Task<IReadOnlyList<(Guid CohortId, Guid PersonId)>> EnrolledMembersAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken = default);

    /// <summary>A value that changes whenever anyone joins, leaves or is moved in any cohort: callers re-read members only then.</summary>
    Task<string> MembershipStampAsync(CancellationToken cancellationToken = default);

    /// <summary>The names of the given cohorts (open or ended), by id.</summary>
    Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken = default);

    /// <summary>The cohorts this person runs as a trainer.</summary>
    Task<IReadOnlyList<Guid>> CohortsRunByAsync(Guid trainerId, CancellationToken cancellationToken = default);

    /// <summary>The trainers of a cohort.</summary>
    Task<IReadOnlyList<Guid>> TrainersOfAsync(Guid cohortId, CancellationToken cancellationToken = default);
}
