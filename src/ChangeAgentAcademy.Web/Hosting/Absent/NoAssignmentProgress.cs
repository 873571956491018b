using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.Hosting.Absent;

/// <summary>Reflections switched off: no assignment work to count.</summary>
public sealed class NoAssignmentProgress : IAssignmentProgress
{
    public Task<IReadOnlyDictionary<Guid, AssignmentCounts>> CountsAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, AssignmentCounts>>(new Dictionary<Guid, AssignmentCounts>());

    public Task<IReadOnlyDictionary<Guid, int>> WaitingForReviewAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, int>>(new Dictionary<Guid, int>());

    public Task<IReadOnlyList<AssignmentLink>> ForModuleAsync(Guid personId, string moduleId, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AssignmentLink>>([]);
}
