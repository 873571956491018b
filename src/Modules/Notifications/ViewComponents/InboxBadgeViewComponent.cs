using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace ChangeAgentAcademy.Notifications.ViewComponents;

/// <summary>
/// The header link to the inbox with the signed-in person's unread count. The count is kept per person
/// for half a minute (and dropped when they read on this node), so a page view does not pay a query for
/// the header: a new notice shows in the badge within 30 seconds on every node, and at once in the inbox.
/// </summary>
public sealed class InboxBadgeViewComponent(AppDbContext db, IMemoryCache cache) : ViewComponent
{
    public const string Tag = "layout:inbox-badge";

    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public static string CacheKey(Guid person) => "inbox:unread:" + person.ToString("N");

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpContext.User.PersonId() is not { } me)
        {
            return Content("");
        }

        // Tagged so per-page query budgets can tell the layout's own query from the page's.
        var unread = await cache.GetOrCreateAsync(CacheKey(me), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            entry.Size = 1;
            return db.Set<InboxItem>().TagWith(Tag).CountAsync(i => i.UserId == me && i.ReadUtc == null);
        });
        return View(new InboxBadgeModel(unread));
    }
}
