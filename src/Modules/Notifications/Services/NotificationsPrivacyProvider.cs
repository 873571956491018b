using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Resources;
using ChangeAgentAcademy.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Notifications.Services;

/// <summary>
/// Notices in a person's inbox, their mail preference, and mail waiting or sent to their address. Erasure deletes
/// all three (nothing counts them); retention deletes notices after <c>Notices</c> and mail after <c>MailOutbox</c>.
/// Mail is found by the person's address, so erasure runs before the account itself is removed.
/// </summary>
public sealed class NotificationsPrivacyProvider(DbContext db, IStringLocalizer<NotificationsText> S) : IPrivacyProvider
{
    public const string NoticesRetention = "Notices";
    public const string MailRetention = "MailOutbox";

    public string Module => "Notifications";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(InboxItem), [nameof(InboxItem.UserId), nameof(InboxItem.Subject), nameof(InboxItem.Body)], "PrivacyPurposeNotices", "PrivacyReadersSelf", NoticesRetention, ErasureAction.Delete),
        new(typeof(NotificationPreference), [nameof(NotificationPreference.UserId)], "PrivacyPurposePreference", "PrivacyReadersSelf", null, ErasureAction.Delete),
        new(typeof(OutboxMessage), [nameof(OutboxMessage.To), nameof(OutboxMessage.Subject), nameof(OutboxMessage.TextBody)], "PrivacyPurposeMail", "PrivacyReadersOperators", MailRetention, ErasureAction.Delete),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var notices = await db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == personId).OrderBy(i => i.CreatedUtc)
            .Select(i => new { i.Subject, i.Body, i.Url, i.CreatedUtc, i.ReadUtc }).ToListAsync(cancellationToken);
        var mode = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.UserId == personId).Select(p => p.Mode.ToString()).FirstOrDefaultAsync(cancellationToken);
        var address = await AddressAsync(personId, cancellationToken);
        var mail = address is null
            ? []
            : await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To.ToLower() == address).OrderBy(m => m.CreatedUtc)
                .Select(m => new { m.Subject, m.TextBody, m.CreatedUtc, m.SentUtc }).ToListAsync(cancellationToken);
        var summary = new List<PrivacySummaryLine>
        {
            new(S["PrivacyNotices"], notices.Count.ToString(CultureInfo.CurrentCulture)),
            new(S["PrivacyMail"], mail.Count.ToString(CultureInfo.CurrentCulture)),
        };
        return new PrivacyExportPart(Module, new { Notices = notices, MailPreference = mode, Mail = mail }, summary);
    }

    public Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ErasureHold>>([]);

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var address = await AddressAsync(personId, cancellationToken);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Set<InboxItem>().Where(i => i.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<NotificationPreference>().Where(p => p.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        if (address is not null)
        {
            await db.Set<OutboxMessage>().Where(m => m.To.ToLower() == address).ExecuteDeleteAsync(cancellationToken);
        }

        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default)
    {
        var counts = new List<RetentionCount>();
        if (run.Periods.TryGetValue(NoticesRetention, out var notices))
        {
            var cutoff = run.NowUtc - notices;
            var old = db.Set<InboxItem>().Where(i => i.CreatedUtc < cutoff);
            counts.Add(new(Module, NoticesRetention, nameof(InboxItem), run.DryRun ? await old.CountAsync(cancellationToken) : await old.ExecuteDeleteAsync(cancellationToken)));
        }

        if (run.Periods.TryGetValue(MailRetention, out var mail))
        {
            var cutoff = run.NowUtc - mail;
            var old = db.Set<OutboxMessage>().Where(m => m.CreatedUtc < cutoff);
            counts.Add(new(Module, MailRetention, nameof(OutboxMessage), run.DryRun ? await old.CountAsync(cancellationToken) : await old.ExecuteDeleteAsync(cancellationToken)));
        }

        return counts;
    }

    private async Task<string?> AddressAsync(Guid personId, CancellationToken cancellationToken)
    {
        var email = await db.Set<AppUser>().Where(u => u.Id == personId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(email) ? null : email.ToLowerInvariant();
    }
}
