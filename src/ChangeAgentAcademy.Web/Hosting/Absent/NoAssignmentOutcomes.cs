using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.Hosting.Absent;

/// <summary>Reflections switched off: no assignment work, no reviews.</summary>
public sealed class NoAssignmentOutcomes : IAssignmentOutcomes
{
    public Task<IReadOnlyDictionary<Guid, AssignmentOutcome>> OutcomesAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, AssignmentOutcome>>(new Dictionary<Guid, AssignmentOutcome>());

    public Task<IReadOnlyList<HandIn>> HandInsAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<HandIn>>([]);
}
