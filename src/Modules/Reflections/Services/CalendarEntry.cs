namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>A person's private iCal feed of their release and due dates, behind a secret token they can renew.</summary>
/// <summary>One dated line of a person's calendar.</summary>
public sealed record CalendarEntry(string Uid, string Title, DateTime StartsUtc, DateTime EndsUtc, string? Place, string Url);
