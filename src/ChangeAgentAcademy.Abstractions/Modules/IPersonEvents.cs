namespace ChangeAgentAcademy.Modules;

/// <summary>
/// A module's dated events for one person (supervision sessions they belong to, workshops they booked):
/// gathered into the person's calendar page and iCal feed, and offered as links in practical logs.
/// </summary>
public interface IPersonEvents
{
    Task<IReadOnlyList<PersonEvent>> ForPersonAsync(Guid personId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);
}
