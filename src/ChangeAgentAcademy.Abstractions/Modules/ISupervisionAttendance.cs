namespace ChangeAgentAcademy.Modules;

/// <summary>Supervision attendance as counts, answered by the Supervision module (absent when it is switched off).</summary>
public interface ISupervisionAttendance
{
    /// <summary>Per person, how many held sessions they attended (one query, whatever the number of people).</summary>
    Task<IReadOnlyDictionary<Guid, int>> SessionsAttendedAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default);
}
