namespace ChangeAgentAcademy.Messaging;

/// <summary>
/// Something to tell a person, already written in their language: it appears in their in-app inbox and
/// is mailed at once or in their daily digest, as they chose. <paramref name="Key"/> makes it idempotent:
/// a key is delivered once, however often it is sent.
/// </summary>
public sealed record Notice(string Key, Guid PersonId, string Subject, string Body, string? Url = null);

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

/// <summary>Renders user-written Markdown to safe HTML (raw HTML off, sanitized), answered by the Curriculum module.</summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string markdown);
}
