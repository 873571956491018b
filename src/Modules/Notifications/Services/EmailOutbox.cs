using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Notifications.Services;

/// <summary>Adds the mail to the caller's unit of work; the caller's SaveChanges commits both together.</summary>
internal sealed class EmailOutbox(AppDbContext db, TimeProvider clock) : IEmailOutbox
{
    public async Task QueueAsync(OutboundEmail email, CancellationToken cancellationToken = default)
    {
        if (email.Key is not null)
        {
            var set = db.Set<OutboxMessage>();
            if (set.Local.Any(m => m.Key == email.Key) || await set.AnyAsync(m => m.Key == email.Key, cancellationToken))
            {
                return;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = Guid.NewGuid(),
            Key = email.Key,
            To = email.To,
            Subject = email.Subject,
            TextBody = email.TextBody,
            CreatedUtc = now,
            NextAttemptUtc = now,
        });
    }
}
