using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Resources;
using ChangeAgentAcademy.Notifications.Services;
using ChangeAgentAcademy.Notifications.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Notifications.Controllers;

/// <summary>
/// A person's own notices and how they want them mailed. Every query is limited to the signed-in
/// person: nobody has a permission to read another person's inbox.
/// </summary>
[Authorize]
[Route("inbox")]
public sealed class InboxController(AppDbContext db, TimeProvider clock, IOptions<MailOptions> mail, IStringLocalizer<NotificationsText> t, Microsoft.Extensions.Caching.Memory.IMemoryCache cache) : Controller
{
    public const int PageSize = 30;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1)
    {
        var me = User.RequiredPersonId();
        var mine = db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == me);
        var total = await mine.CountAsync();
        var unread = total == 0 ? 0 : await mine.CountAsync(i => i.ReadUtc == null);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await mine
            .OrderByDescending(i => i.CreatedUtc)
            .ThenByDescending(i => i.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(i => new { i.Id, i.Subject, i.Body, i.Url, i.CreatedUtc, i.ReadUtc })
            .ToListAsync();
        var items = rows.Select(r => new InboxRow(r.Id, r.Subject, r.Body, IsLocalPath(r.Url) ? r.Url : null, r.CreatedUtc, r.ReadUtc is null)).ToList();
        return View(new InboxPageModel(page, pageCount, total, unread, items));
    }

    /// <summary>Marks one of the person's notices read and opens it (only ever on this site).</summary>
    [HttpPost("{id:guid}/read")]
    public async Task<IActionResult> Read(Guid id)
    {
        var me = User.RequiredPersonId();
        var mine = db.Set<InboxItem>().Where(i => i.Id == id && i.UserId == me);
        var item = await mine.Select(i => new { i.Url, i.ReadUtc }).FirstOrDefaultAsync();
        if (item is null)
        {
            return NotFound();
        }

        if (item.ReadUtc is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await mine.Where(i => i.ReadUtc == null).ExecuteUpdateAsync(u => u.SetProperty(i => i.ReadUtc, now));
            cache.Remove(ViewComponents.InboxBadgeViewComponent.CacheKey(me));
        }

        return Redirect(IsLocalPath(item.Url) ? item.Url! : "/inbox");
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll()
    {
        var me = User.RequiredPersonId();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<InboxItem>()
            .Where(i => i.UserId == me && i.ReadUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(i => i.ReadUtc, now));
        cache.Remove(ViewComponents.InboxBadgeViewComponent.CacheKey(me));
        TempData["Flash"] = t["AllMarkedRead"].Value;
        return Redirect("/inbox");
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings() => View(await SettingsModelAsync());

    [HttpPost("settings")]
    public async Task<IActionResult> SaveSettings([FromForm] string? mode)
    {
        // Only the names themselves: Enum.TryParse would also take "1" or "Immediate, DailyDigest".
        if (mode is null || !Enum.GetNames<DeliveryMode>().Contains(mode, StringComparer.Ordinal))
        {
            ModelState.AddModelError("mode", t["ChooseDeliveryMode"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Settings", await SettingsModelAsync());
        }

        var me = User.RequiredPersonId();
        var chosen = Enum.Parse<DeliveryMode>(mode);
        var now = clock.GetUtcNow().UtcDateTime;
        var set = db.Set<NotificationPreference>();
        if (await UpdateAsync() == 0)
        {
            set.Add(new NotificationPreference { UserId = me, Mode = chosen, ChangedUtc = now });
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // The same person saved twice at once and the other request inserted the row first.
                db.ChangeTracker.Clear();
                await UpdateAsync();
            }
        }

        TempData["Flash"] = t["SettingsSaved"].Value;
        return Redirect("/inbox/settings");

        Task<int> UpdateAsync() => set.Where(p => p.UserId == me)
            .ExecuteUpdateAsync(u => u.SetProperty(p => p.Mode, chosen).SetProperty(p => p.ChangedUtc, now));
    }

    private async Task<InboxSettingsModel> SettingsModelAsync()
    {
        var me = User.RequiredPersonId();
        var mode = await db.Set<NotificationPreference>().Where(p => p.UserId == me).Select(p => (DeliveryMode?)p.Mode).FirstOrDefaultAsync();
        return new InboxSettingsModel(mode ?? DeliveryMode.Immediate, Math.Clamp(mail.Value.DigestHour, 0, 23));
    }

    /// <summary>A path on this site: "/x" but not "//host" or "/\host", which browsers read as another site.</summary>
    internal static bool IsLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(c => c == '\\' || char.IsControl(c));
}
