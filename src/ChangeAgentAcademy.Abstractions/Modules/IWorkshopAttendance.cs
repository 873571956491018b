namespace ChangeAgentAcademy.Modules;

/// <summary>Future-workshop places, answered by the Workshops module (absent when it is switched off).</summary>
public interface IWorkshopAttendance
{
    /// <summary>
    /// Per person, the end times of the (not cancelled) workshops they hold a booked place at (one query): the
    /// caller decides with its clock which have been attended (ended) and which are still ahead.
    /// </summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<DateTime>>> BookedWorkshopsAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default);
}
