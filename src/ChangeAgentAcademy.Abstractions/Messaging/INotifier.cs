namespace ChangeAgentAcademy.Messaging;

/// <summary>Answered by the Notifications module.</summary>
public interface INotifier
{
    /// <summary>Adds the notice to the caller's unit of work (queued with the change that causes it).</summary>
    Task NotifyAsync(Notice notice, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes many notices at once with set-based statements on the context's current connection and
    /// transaction; keys already delivered are skipped. Returns how many were new.
    /// </summary>
    Task<int> NotifyManyAsync(IReadOnlyList<Notice> notices, CancellationToken cancellationToken = default);

    /// <summary>
    /// The SQL of one INSERT that writes a notice for each row of <paramref name="source"/> (a
    /// parenthesised SELECT or a CTE name) with the columns "Seq" (an integer unique within the source),
    /// "Key", "PersonId", "Subject", "Body" and "Url"; keys already delivered are skipped. <paramref name="createdUtc"/> is the SQL for the time
    /// (a parameter placeholder). For callers that write tens of thousands of notices computed by the
    /// database in one statement; they run it themselves (prefixed with WITH, suffixed with RETURNING).
    /// </summary>
    string InsertFromSql(string source, string createdUtc);
}
