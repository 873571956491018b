namespace ChangeAgentAcademy.Messaging;

/// <summary>Answered by the Notifications module.</summary>
public interface INotifier
{
    /// <summary>Adds the notice to the caller's unit of work (queued with the change that causes it).</summary>
    Task NotifyAsync(Notice notice, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes many notices at once (set-based where the database has a tested statement for it) on the
    /// context's current connection and transaction; keys already delivered, or written at the same moment
    /// by another transaction, are skipped. Returns how many were new. The only way notices cross into
    /// Notifications: callers hand over typed values, never SQL, and do not know the inbox's table.
    /// </summary>
    Task<int> NotifyManyAsync(IReadOnlyList<Notice> notices, CancellationToken cancellationToken = default);
}
