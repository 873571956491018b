using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Notifications.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Notifications.Services;

internal sealed class Notifier(AppDbContext db, TimeProvider clock) : INotifier
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

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
