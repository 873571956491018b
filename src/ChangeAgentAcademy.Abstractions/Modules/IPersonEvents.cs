namespace ChangeAgentAcademy.Modules;

/// <summary>
/// A module's dated events for one person (supervision sessions they belong to, workshops they booked):
/// gathered into the person's calendar page and iCal feed, and offered as links in practical logs.
/// </summary>
public interface IPersonEvents
{
    Task<IReadOnlyList<PersonEvent>> ForPersonAsync(Guid personId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default);
}

/// <summary><paramref name="Ref"/> is stable and unique, e.g. "supervision-session:42" or "workshop:{guid}"; <paramref name="Kind"/> is "supervision" or "workshop".</summary>
public sealed record PersonEvent(string Ref, string Kind, string Title, DateTime StartsUtc, DateTime EndsUtc, string? Place, string Url);

/// <summary>Practical logs (PDSA tests and the others), answered by the Reflections module.</summary>
public interface IPracticalLogs
{
    /// <summary>Starts a draft PDSA test for the person with <paramref name="change"/> filled in; returns its URL.</summary>
    Task<string> StartPdsaAsync(Guid personId, string change, string originRef, CancellationToken cancellationToken = default);
}
