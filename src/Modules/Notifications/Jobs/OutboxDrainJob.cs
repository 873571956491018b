using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ChangeAgentAcademy.Notifications.Jobs;

/// <summary>
/// Sends queued mail. Rows are claimed with a conditional update, so two runs at once (two nodes, a
/// retried Hangfire job) never send the same message twice; a run that dies leaves a claim that expires.
/// </summary>
public sealed class OutboxDrainJob(DbContext db, NoticeMailer notices, IMailTransport transport, IOptions<MailOptions> options, TimeProvider clock, ILogger<OutboxDrainJob> logger) : IRecurringJob
{
    public const string Id = JobIds.NotificationsOutbox;

    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Notices waiting for mail become outbox rows first (at once, or in the daily digest).
        await notices.RunAsync(cancellationToken);
        // The messages it queued are still tracked with no claim: the claim below is a set-based update,
        // and a tracked copy would hide it (then the failed send's "release the claim" would change nothing).
        db.ChangeTracker.Clear();

        var set = db.Set<OutboxMessage>();
        var now = clock.GetUtcNow().UtcDateTime;
        var token = Guid.NewGuid();
        var candidates = await set
            .Where(m => m.SentUtc == null && m.NextAttemptUtc <= now && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .OrderBy(m => m.NextAttemptUtc)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return;
        }

        var claimedUntil = now + ClaimFor;
        await set
            .Where(m => candidates.Contains(m.Id) && m.SentUtc == null && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimToken, token).SetProperty(m => m.ClaimedUntilUtc, claimedUntil), cancellationToken);

        var claimed = await set.Where(m => m.ClaimToken == token).ToListAsync(cancellationToken);
        foreach (var message in claimed)
        {
            try
            {
                await transport.SendAsync(ToMime(message), cancellationToken);
                message.SentUtc = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = e.Message.Length > 500 ? e.Message[..500] : e.Message;
                message.NextAttemptUtc = clock.GetUtcNow().UtcDateTime + Backoff(message.Attempts);
                logger.LogWarning("Mail {MessageId} failed (attempt {Attempt}): {Error}", message.Id, message.Attempts, message.LastError);
            }

            message.ClaimToken = null;
            message.ClaimedUntilUtc = null;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>1, 2, 4 ... minutes, at most an hour: a failing server is retried, never given up on.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mail = options.Value;
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(mail.FromName, mail.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.Id:N}@change-agent-academy";
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        return mime;
    }
}
