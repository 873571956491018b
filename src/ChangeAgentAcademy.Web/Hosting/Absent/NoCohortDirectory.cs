using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.Hosting.Absent;

/// <summary>Cohorts switched off: nobody is placed, no cohort runs.</summary>
public sealed class NoCohortDirectory : ICohortDirectory
{
    public Task<CohortPlacement?> FindPlacementAsync(Guid personId, CancellationToken cancellationToken = default) => Task.FromResult<CohortPlacement?>(null);

    public Task<IReadOnlyList<CohortCadence>> OpenCohortsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<CohortCadence>>([]);

    public Task<IReadOnlyList<(Guid CohortId, Guid PersonId)>> EnrolledMembersAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<(Guid CohortId, Guid PersonId)>>([]);

    public Task<string> MembershipStampAsync(CancellationToken cancellationToken = default) => Task.FromResult("none");

    public Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, string>>(new Dictionary<Guid, string>());

    public Task<IReadOnlyList<Guid>> CohortsRunByAsync(Guid trainerId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Guid>>([]);

    public Task<IReadOnlyList<Guid>> TrainersOfAsync(Guid cohortId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<Guid>>([]);
}
