namespace ChangeAgentAcademy.Messaging;

/// <summary>
/// Queues mail in the database; a background job sends it and retries failures. Queue inside the same
/// unit of work as the change that causes the mail, then save.
/// </summary>
public interface IEmailOutbox
{
    Task QueueAsync(OutboundEmail email, CancellationToken cancellationToken = default);
}
