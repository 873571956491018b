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

    /// <summary>
    /// Writes one notice per row of <paramref name="notices"/>, a typed query over the caller's own tables,
    /// on the context's current connection and transaction: on SQLite and PostgreSQL one
    /// <c>INSERT … SELECT</c> that runs the query inside the database (the rows never travel through .NET),
    /// elsewhere the query is read and written as <see cref="NotifyManyAsync"/> does. Each row takes its text
    /// from <paramref name="texts"/> by <see cref="NoticeSource.TextKey"/> (a row whose key has no text is
    /// skipped); keys already delivered are skipped. Returns how many were new.
    /// </summary>
    Task<int> NotifyFromQueryAsync(IQueryable<NoticeSource> notices, IReadOnlyDictionary<string, NoticeText> texts, CancellationToken cancellationToken = default);
}
