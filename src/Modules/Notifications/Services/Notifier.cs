using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Notifications.Services;

internal sealed class Notifier(DbContext db, TimeProvider clock) : INotifier
{
    public const int SubjectLength = 300;
    public const int BodyLength = 4000;

    private static readonly string[] Columns = ["Id", "Key", "UserId", "Subject", "Body", "Url", "CreatedUtc", "Mail"];

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

    public Task<int> NotifyManyAsync(IReadOnlyList<Notice> notices, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = MailState.Pending.ToString();
        var rows = notices
            .DistinctBy(n => n.Key)
            .Select(n => new object?[] { Guid.NewGuid(), n.Key, n.PersonId, Clip(n.Subject, SubjectLength), Clip(n.Body, BodyLength), n.Url, now, pending });
        return db.InsertIgnoringConflictsAsync("notifications_inbox", Columns, ["Key"], rows, cancellationToken);
    }

    public string InsertFromSql(string source, string createdUtc)
    {
        var sql = SqlDialect.Of(db);
        var columns = string.Join(", ", Columns.Select(c => $"\"{c}\""));
        var insert = $"INSERT INTO \"notifications_inbox\" ({columns}) SELECT {sql.SequentialGuid("s.\"Seq\"")}, s.\"Key\", s.\"PersonId\", "
            + $"{sql.Left("s.\"Subject\"", SubjectLength)}, {sql.Left("s.\"Body\"", BodyLength)}, s.\"Url\", {createdUtc}, '{MailState.Pending}' FROM {source} AS s ";
        // "WHERE true" keeps SQLite from reading ON CONFLICT as part of a join in the source.
        return sql.HasOnConflict
            ? insert + "WHERE 1 = 1 ORDER BY s.\"Seq\" ON CONFLICT (\"Key\") DO NOTHING"
            : insert + "WHERE NOT EXISTS (SELECT 1 FROM \"notifications_inbox\" i WHERE i.\"Key\" = s.\"Key\") ORDER BY s.\"Seq\"";
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
