using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.Hosting.Absent;

/// <summary>Outcomes switched off: nobody has a completion status.</summary>
public sealed class NoCompletionStatus : ICompletionStatus
{
    public Task<IReadOnlyList<CompletionStatus>> ForPeopleAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<CompletionStatus>>([]);
}
