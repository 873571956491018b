namespace ChangeAgentAcademy.Modules;

/// <summary><paramref name="Ref"/> is stable and unique, e.g. "supervision-session:42" or "workshop:{guid}"; <paramref name="Kind"/> is "supervision" or "workshop".</summary>
public sealed record PersonEvent(string Ref, string Kind, string Title, DateTime StartsUtc, DateTime EndsUtc, string? Place, string Url);
