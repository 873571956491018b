using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.Hosting.Absent;

/// <summary>Supervision switched off: nobody has attended a session.</summary>
public sealed class NoSupervisionAttendance : ISupervisionAttendance
{
    public Task<IReadOnlyDictionary<Guid, int>> SessionsAttendedAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, int>>(new Dictionary<Guid, int>());
}
