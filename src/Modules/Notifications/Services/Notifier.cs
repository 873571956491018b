using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Notifications.Services;

internal sealed class Notifier(DbContext db, TimeProvider clock) : INotifier
{
    public const int SubjectLength = 300;
    public const int BodyLength = 4000;

    /// <summary>From this many notices at once, each distinct text is sent once (<see cref="SharedTextsInsert"/>).</summary>
    private const int SharedTextsFrom = 1000;

    public async Task NotifyAsync(Notice notice, CancellationToken cancellationToken = default)
    {
        var set = db.Set<InboxItem>();
        if (set.Local.Any(i => i.Key == notice.Key) || await set.AnyAsync(i => i.Key == notice.Key, cancellationToken))
        {
            return;
        }

        set.Add(new InboxItem
        {
            Id = Guid.NewGuid(),
            Key = notice.Key,
            UserId = notice.PersonId,
            Subject = Clip(notice.Subject, SubjectLength),
            Body = Clip(notice.Body, BodyLength),
            Url = notice.Url,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            Mail = MailState.Pending,
        });
    }

    /// <summary>
    /// Many notices at once, in the order given; keys already delivered, or given twice, are skipped. The
    /// rows' ids are Guids that grow in that order (<see cref="SequentialGuids"/>), so the primary key's
    /// index is written at one end. From <see cref="SharedTextsFrom"/> notices on SQLite and PostgreSQL,
    /// each distinct text is sent once (<see cref="SharedTextsInsert"/>); otherwise <see cref="BulkInsert"/>.
    /// </summary>
    public async Task<int> NotifyManyAsync(IReadOnlyList<Notice> notices, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = new SequentialGuids();
        var rows = notices
            .DistinctBy(n => n.Key)
            .Select(n => new InboxItem
            {
                Id = ids.Next(),
                Key = n.Key,
                UserId = n.PersonId,
                Subject = Clip(n.Subject, SubjectLength),
                Body = Clip(n.Body, BodyLength),
                Url = n.Url,
                CreatedUtc = now,
                Mail = MailState.Pending,
            })
            .ToList();
        var engine = SqlDialect.Of(db).Engine;
        if (rows.Count >= SharedTextsFrom && engine is SqlEngine.Sqlite or SqlEngine.Postgres)
        {
            return await SharedTextsInsert.InsertAsync(db, engine, rows, cancellationToken);
        }

        return await db.InsertIgnoringConflictsAsync(rows, [nameof(InboxItem.Key)], cancellationToken);
    }

    /// <summary>
    /// Notices from the caller's query: one statement on SQLite and PostgreSQL (<see cref="QueryInsert"/>);
    /// elsewhere the rows are read and written by <see cref="NotifyManyAsync"/>.
    /// </summary>
    public async Task<int> NotifyFromQueryAsync(IQueryable<NoticeSource> notices, IReadOnlyDictionary<string, NoticeText> texts, CancellationToken cancellationToken = default)
    {
        if (texts.Count == 0)
        {
            return 0;
        }

        var clipped = texts.ToDictionary(t => t.Key, t => (Subject: Clip(t.Value.Subject, SubjectLength), Body: Clip(t.Value.Body, BodyLength)));
        var engine = SqlDialect.Of(db).Engine;
        if (engine is SqlEngine.Sqlite or SqlEngine.Postgres)
        {
            return await QueryInsert.InsertAsync(db, engine, notices, clipped, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        var rows = await notices.ToListAsync(cancellationToken);
        return await NotifyManyAsync(
            rows.Where(r => clipped.ContainsKey(r.TextKey)).OrderBy(r => r.PersonId).Select(r => new Notice(r.Key, r.PersonId, clipped[r.TextKey].Subject, clipped[r.TextKey].Body, r.Url)).ToList(),
            cancellationToken);
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
