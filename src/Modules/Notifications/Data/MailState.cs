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
