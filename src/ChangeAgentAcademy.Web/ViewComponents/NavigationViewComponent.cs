using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Web.ViewComponents;

/// <summary>The menu: the enabled modules' entries the signed-in person may use.</summary>
public sealed class NavigationViewComponent(ModuleCatalog catalog, IPermissionService permissions, IStringLocalizerFactory localizers) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var user = HttpContext.User;
        // Each entry's address comes from its controller's route (none when its module's controllers are off).
        var visible = HostItems.Concat(catalog.Enabled.SelectMany(m => m.Navigation))
            .Where(i => i.Permission is null || permissions.Has(user, i.Permission))
            .OrderBy(i => i.Order)
            .Select(i => (Item: i, Url: i.Path ?? Url.Action(i.Action, i.Controller)))
            .Where(x => x.Url is not null)
            .Select(x => (x.Item, Url: x.Url!))
            .ToList();
        // One entry is current: the longest that matches (/learn/kit, not also /learn).
        var current = visible.Select(x => x.Url).Where(IsCurrent).MaxBy(url => url.Length);
        var items = visible.Select(x => new NavigationLink(x.Url, localizers.Create(x.Item.TextResource)[x.Item.TextKey], x.Url == current)).ToList();
        return View(items);
    }

    private static readonly NavigationItem[] HostItems =
    [
        new("Home", "NavHome", typeof(Resources.SharedText), 0),
        NavigationItem.ForPath("/admin/jobs", "NavJobs", typeof(Resources.SharedText), 900, CorePermissions.ManageJobs), // Hangfire's dashboard, not a controller
    ];

    private bool IsCurrent(string url) =>
        url == "/" ? HttpContext.Request.Path == "/" : HttpContext.Request.Path.StartsWithSegments(url);
}
