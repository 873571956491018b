using System.Text;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Notifications.Services;

/// <summary>
/// Turns inbox notices into mail: one mail each for people who want them at once, one digest a day for
/// the others. Each mail's key comes from the notice (or the person and day), so a rerun queues nothing twice.
/// </summary>
public sealed class NoticeMailer(DbContext db, IEmailOutbox outbox, ProgrammeTime time, IOptions<MailOptions> options, ChangeAgentAcademy.Hosting.ISiteAddress site, IStringLocalizer<NotificationsText> S)
{
    public const int BatchSize = 2000;

    /// <summary>Key of PostgreSQL's advisory lock for this step ("notice" in ASCII).</summary>
    private const long PostgresLockKey = 0x6E6F74696365;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // One run at a time on every node: two drains at once (a trigger and the minute's run, two nodes)
        // would read the same pending notices and queue their mail twice. The lock ends with the transaction.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await LockAsync(cancellationToken);
        var queued = await QueueAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return queued;
    }

    private async Task LockAsync(CancellationToken cancellationToken)
    {
        switch (SqlDialect.Of(db).Engine)
        {
            case SqlEngine.Postgres:
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})", cancellationToken);
                break;
            case SqlEngine.SqlServer:
                await db.Database.ExecuteSqlRawAsync(
                    "DECLARE @granted int; EXEC @granted = sp_getapplock @Resource = N'notifications:notice-mailer', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = 60000; "
                    + "IF @granted < 0 THROW 50000, 'notifications:notice-mailer lock not granted', 1;",
                    cancellationToken);
                break;
            default:
                // SQLite: the transaction began with BEGIN IMMEDIATE, which holds the database's one write lock.
                break;
        }
    }

    private async Task<int> QueueAsync(CancellationToken cancellationToken)
    {
        var now = time.UtcNow;
        var digestUsers = db.Set<NotificationPreference>().Where(p => p.Mode == DeliveryMode.DailyDigest).Select(p => p.UserId);
        var immediate = await (from i in db.Set<InboxItem>()
                               join u in db.Set<AppUser>() on i.UserId equals u.Id
                               where i.Mail == MailState.Pending && !digestUsers.Contains(i.UserId)
                               orderby i.CreatedUtc
                               select new { Item = i, u.Email }).Take(BatchSize).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var row in immediate)
        {
            if (!string.IsNullOrEmpty(row.Email))
            {
                await outbox.QueueAsync(new OutboundEmail(row.Email, row.Item.Subject, WithLink(row.Item.Body, row.Item.Url), "notice:" + row.Item.Id.ToString("N")), cancellationToken);
                queued++;
            }

            row.Item.Mail = MailState.Mailed;
        }

        // Digests: once a day per person, after the digest hour in the programme's time zone.
        var local = time.ToLocal(now);
        if (local.Hour >= options.Value.DigestHour)
        {
            var prefix = "digest:";
            var suffix = ":" + DateOnly.FromDateTime(local).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
            var sentToday = db.Set<OutboxMessage>().Where(m => m.Key != null && m.Key.StartsWith(prefix) && m.Key.EndsWith(suffix)).Select(m => m.Key);
            var digest = await (from i in db.Set<InboxItem>()
                                join u in db.Set<AppUser>() on i.UserId equals u.Id
                                where i.Mail == MailState.Pending && digestUsers.Contains(i.UserId)
                                orderby i.CreatedUtc
                                select new { Item = i, u.Email, u.Language }).Take(BatchSize).ToListAsync(cancellationToken);
            var already = (await sentToday.ToListAsync(cancellationToken)).ToHashSet();
            foreach (var person in digest.GroupBy(r => r.Item.UserId))
            {
                var key = prefix + person.Key.ToString("N") + suffix;
                var first = person.First();
                if (already.Contains(key) || string.IsNullOrEmpty(first.Email))
                {
                    continue;
                }

                using (new CultureScope(ProgrammeOptions.IsSupported(first.Language) ? first.Language : "en"))
                {
                    var body = new StringBuilder(S["DigestIntro"].Value).Append("\n\n");
                    foreach (var row in person)
                    {
                        body.Append("• ").Append(row.Item.Subject).Append('\n').Append(WithLink(row.Item.Body, row.Item.Url)).Append("\n\n");
                        row.Item.Mail = MailState.Digested;
                    }

                    await outbox.QueueAsync(new OutboundEmail(first.Email, S["DigestSubject", person.Count()].Value, body.ToString().TrimEnd(), key), cancellationToken);
                    queued++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return queued;
    }

    private string WithLink(string body, string? url) =>
        url is null ? body : body + "\n\n" + site.BaseUrl + url;
}
