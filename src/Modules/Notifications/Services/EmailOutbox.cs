using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Notifications.Services;

/// <summary>
/// Adds the mail to the caller's unit of work; the caller's SaveChanges commits both together. Keyed mail
/// queued inside a transaction is written at once by a statement that skips a key already taken, even by
/// a writer that has not committed yet (it waits for that one): two writers of the same key (two drains,
/// two nodes) then queue it once and neither fails on the unique key. Outside a transaction the key is
/// only checked, which is enough for one writer.
/// </summary>
internal sealed class EmailOutbox(DbContext db, TimeProvider clock) : IEmailOutbox
{
    private const string Columns = "\"Id\", \"Key\", \"To\", \"Subject\", \"TextBody\", \"CreatedUtc\", \"NextAttemptUtc\", \"Attempts\"";

    public async Task QueueAsync(OutboundEmail email, CancellationToken cancellationToken = default)
    {
        var set = db.Set<OutboxMessage>();
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Key = email.Key,
            To = email.To,
            Subject = email.Subject,
            TextBody = email.TextBody,
            CreatedUtc = now,
            NextAttemptUtc = now,
        };
        if (email.Key is not null)
        {
            if (set.Local.Any(m => m.Key == email.Key))
            {
                return;
            }

            if (db.Database.CurrentTransaction is not null)
            {
                await InsertUnlessKeyTakenAsync(message, cancellationToken);
                return;
            }

            if (await set.AnyAsync(m => m.Key == email.Key, cancellationToken))
            {
                return;
            }
        }

        set.Add(message);
    }

    private Task<int> InsertUnlessKeyTakenAsync(OutboxMessage m, CancellationToken cancellationToken)
    {
        object[] values = [m.Id, m.Key!, m.To, m.Subject, m.TextBody, m.CreatedUtc, m.NextAttemptUtc, m.Attempts];
        var sql = SqlDialect.Of(db).HasOnConflict
            ? $"INSERT INTO \"notifications_outbox\" ({Columns}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}}, {{7}}) ON CONFLICT (\"Key\") DO NOTHING"
            // SQL Server: the range lock (UPDLOCK, HOLDLOCK) on the key makes a second writer wait instead of both seeing no row.
            : $"INSERT INTO \"notifications_outbox\" ({Columns}) SELECT {{0}}, {{1}}, {{2}}, {{3}}, {{4}}, {{5}}, {{6}}, {{7}} "
              + "WHERE NOT EXISTS (SELECT 1 FROM \"notifications_outbox\" WITH (UPDLOCK, HOLDLOCK) WHERE \"Key\" = {1})";
        return db.Database.ExecuteSqlRawAsync(sql, values, cancellationToken);
    }
}
