using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.ViewModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Notifications.Services;

/// <summary>
/// A person's own notices and how they want them mailed. Every query is limited to the person passed in:
/// nobody has a permission to read another person's inbox.
/// </summary>
public sealed class InboxService(DbContext db, TimeProvider clock, IOptions<MailOptions> mail, IMemoryCache cache, IConfiguration configuration)
{
    public const int PageSize = 30;

    /// <summary>Tags the unread count's query, so per-page query budgets can tell the layout's own query from the page's.</summary>
    public const string BadgeTag = "layout:inbox-badge";

    /// <summary>
    /// How long the header's unread count is kept per person by default (<c>Notifications:BadgeCacheSeconds</c>; 0 turns
    /// the cache off). It is dropped at once on the node where the person reads a notice; a notice written on any node,
    /// and a read on another node, shows in every node's badge within this time (docs/DEPLOYMENT.md, section 6).
    /// </summary>
    public static readonly TimeSpan BadgeCacheFor = TimeSpan.FromSeconds(30);

    private TimeSpan BadgeKeptFor => TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Notifications:BadgeCacheSeconds", (int)BadgeCacheFor.TotalSeconds)));

    public static string BadgeCacheKey(Guid person) => "inbox:unread:" + person.ToString("N");

    /// <summary>One page of the person's notices, the latest first.</summary>
    public async Task<InboxViewModel> PageAsync(Guid me, int page, CancellationToken ct = default)
    {
        var mine = db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == me);
        var total = await mine.CountAsync(ct);
        var unread = total == 0 ? 0 : await mine.CountAsync(i => i.ReadUtc == null, ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await mine
            .OrderByDescending(i => i.CreatedUtc)
            .ThenByDescending(i => i.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(i => new { i.Id, i.Subject, i.Body, i.Url, i.CreatedUtc, i.ReadUtc })
            .ToListAsync(ct);
        var items = rows.Select(r => new InboxRow(r.Id, r.Subject, r.Body, IsLocalPath(r.Url) ? r.Url : null, r.CreatedUtc, r.ReadUtc is null)).ToList();
        return new InboxViewModel(page, pageCount, total, unread, items);
    }

    /// <summary>The header's unread count, kept per person for <see cref="BadgeCacheFor"/> (or as configured).</summary>
    public async Task<int> UnreadAsync(Guid me)
    {
        var keep = BadgeKeptFor;
        if (keep == TimeSpan.Zero)
        {
            return await db.Set<InboxItem>().TagWith(BadgeTag).CountAsync(i => i.UserId == me && i.ReadUtc == null);
        }

        return await cache.GetOrCreateAsync(BadgeCacheKey(me), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = keep;
            entry.Size = 1;
            return db.Set<InboxItem>().TagWith(BadgeTag).CountAsync(i => i.UserId == me && i.ReadUtc == null);
        });
    }

    /// <summary>Marks one of the person's notices read; its link when that is a path on this site, else null.</summary>
    public async Task<Result<string?>> ReadAsync(Guid me, Guid id, CancellationToken ct = default)
    {
        var mine = db.Set<InboxItem>().Where(i => i.Id == id && i.UserId == me);
        var item = await mine.Select(i => new { i.Url, i.ReadUtc }).FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return Result<string?>.From(Result.NotFound());
        }

        if (item.ReadUtc is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await mine.Where(i => i.ReadUtc == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.ReadUtc, now), ct);
            cache.Remove(BadgeCacheKey(me));
        }

        return Result<string?>.Success(IsLocalPath(item.Url) ? item.Url : null);
    }

    /// <summary>Marks every notice of the person read.</summary>
    public async Task<Result> ReadAllAsync(Guid me, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<InboxItem>()
            .Where(i => i.UserId == me && i.ReadUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ReadUtc, now), ct);
        cache.Remove(BadgeCacheKey(me));
        return Result.Success();
    }

    public async Task<InboxSettingsViewModel> SettingsAsync(Guid me, CancellationToken ct = default)
    {
        var mode = await db.Set<NotificationPreference>().Where(p => p.UserId == me).Select(p => (DeliveryMode?)p.Mode).FirstOrDefaultAsync(ct);
        return new InboxSettingsViewModel(mode ?? DeliveryMode.Immediate, Math.Clamp(mail.Value.DigestHour, 0, 23));
    }

    /// <summary>Stores the person's choice (one row per person, inserted the first time).</summary>
    public async Task<Result> SaveSettingsAsync(Guid me, DeliveryMode chosen, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var set = db.Set<NotificationPreference>();
        if (await UpdateAsync() == 0)
        {
            set.Add(new NotificationPreference { UserId = me, Mode = chosen, ChangedUtc = now });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same person saved twice at once and the other request inserted the row first.
                db.ChangeTracker.Clear();
                await UpdateAsync();
            }
        }

        return Result.Success();

        Task<int> UpdateAsync() => set.Where(p => p.UserId == me)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Mode, chosen).SetProperty(p => p.ChangedUtc, now), ct);
    }

    /// <summary>A path on this site: "/x" but not "//host" or "/\host", which browsers read as another site.</summary>
    internal static bool IsLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(c => c == '\\' || char.IsControl(c));
}
