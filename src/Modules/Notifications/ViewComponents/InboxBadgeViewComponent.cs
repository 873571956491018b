using ChangeAgentAcademy.Notifications.Services;
using ChangeAgentAcademy.Notifications.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Notifications.ViewComponents;

/// <summary>
/// The header link to the inbox with the signed-in person's unread count. The count is kept per person
/// for half a minute (and dropped when they read on this node), so a page view does not pay a query for
/// the header: a new notice shows in the badge within 30 seconds on every node, and at once in the inbox.
/// </summary>
public sealed class InboxBadgeViewComponent(InboxService inbox) : ViewComponent
{
    /// <summary>Tagged so per-page query budgets can tell the layout's own query from the page's.</summary>
    public const string Tag = InboxService.BadgeTag;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpContext.User.PersonId() is not { } me)
        {
            return Content("");
        }

        return View(new InboxBadgeViewModel(await inbox.UnreadAsync(me)));
    }
}
