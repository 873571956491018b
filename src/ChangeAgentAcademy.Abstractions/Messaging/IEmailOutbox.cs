namespace ChangeAgentAcademy.Messaging;

/// <summary>An e-mail to send. <paramref name="Key"/> makes queuing idempotent: the same key is queued once.</summary>
public sealed record OutboundEmail(string To, string Subject, string TextBody, string? Key = null);

/// <summary>
/// Queues mail in the database; a background job sends it and retries failures. Queue inside the same
/// unit of work as the change that causes the mail, then save.
/// </summary>
public interface IEmailOutbox
{
    Task QueueAsync(OutboundEmail email, CancellationToken cancellationToken = default);
}
