namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>A window of due dates: work whose due instant lies in (After, UpTo] gets the reminder now.</summary>
public sealed record DueWindow(DateTime After, DateTime UpTo)
{
    public bool Contains(DateTime dueUtc) => dueUtc > After && dueUtc <= UpTo;
}
