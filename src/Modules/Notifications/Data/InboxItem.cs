namespace ChangeAgentAcademy.Notifications.Data;

public enum MailState
{
    /// <summary>Not mailed yet: the next drain mails it at once or keeps it for the digest.</summary>
    Pending,

    /// <summary>Queued in the outbox as its own mail.</summary>
    Mailed,

    /// <summary>Included in a daily digest mail.</summary>
    Digested,
}

/// <summary>A notice in a person's in-app inbox, written in their language when it was created.</summary>
public class InboxItem
{
    public Guid Id { get; set; }

    /// <summary>Idempotency key: a notice is delivered once.</summary>
    public string Key { get; set; } = "";

    public Guid UserId { get; set; }

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public string? Url { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ReadUtc { get; set; }

    public MailState Mail { get; set; }
}

public enum DeliveryMode
{
    Immediate,
    DailyDigest,
}

/// <summary>How a person wants their notices mailed (no row: immediately).</summary>
public class NotificationPreference
{
    public Guid UserId { get; set; }

    public DeliveryMode Mode { get; set; }

    public DateTime ChangedUtc { get; set; }
}
