using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.Hosting.Absent;

/// <summary>Workshops switched off: nobody holds a place.</summary>
public sealed class NoWorkshopAttendance : IWorkshopAttendance
{
    public Task<IReadOnlyDictionary<Guid, IReadOnlyList<DateTime>>> BookedWorkshopsAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, IReadOnlyList<DateTime>>>(new Dictionary<Guid, IReadOnlyList<DateTime>>());
}
