namespace ChangeAgentAcademy.Reflections.Data;

/// <summary>
/// A person's secret calendar feed: only the SHA-256 of the token in the URL is stored (the token is shown
/// once, when it is made). Renewing replaces the hash, so the old URL stops working.
/// </summary>
public class CalendarFeed
{
    public Guid UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
