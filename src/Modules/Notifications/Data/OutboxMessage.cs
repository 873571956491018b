namespace ChangeAgentAcademy.Notifications.Data;

public class OutboxMessage
{
    public Guid Id { get; set; }

    /// <summary>Idempotency key: the same effect is queued once (unique when set).</summary>
    public string? Key { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime NextAttemptUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>Which drain run holds the row, and until when (a crashed run's claim expires).</summary>
    public Guid? ClaimToken { get; set; }

    public DateTime? ClaimedUntilUtc { get; set; }
}
