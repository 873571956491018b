namespace ChangeAgentAcademy.Notifications.Data;

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
