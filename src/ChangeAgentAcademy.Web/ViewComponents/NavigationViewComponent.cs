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
        var visible = HostItems.Concat(catalog.Enabled.SelectMany(m => m.Navigation))
            .Where(i => i.Permission is null || permissions.Has(user, i.Permission))
            .OrderBy(i => i.Order)
            .ToList();
        // One entry is current: the longest that matches (/learn/kit, not also /learn).
        var current = visible.Where(i => IsCurrent(i.Url)).MaxBy(i => i.Url.Length)?.Url;
        var items = visible.Select(i => new NavigationLink(i.Url, localizers.Create(i.TextResource)[i.TextKey], i.Url == current)).ToList();
        return View(items);
    }

    private static readonly NavigationItem[] HostItems =
    [
        new("/", "NavHome", typeof(Resources.SharedText), 0),
        new("/admin/jobs", "NavJobs", typeof(Resources.SharedText), 900, CorePermissions.ManageJobs),
    ];

    private bool IsCurrent(string url) =>
        url == "/" ? HttpContext.Request.Path == "/" : HttpContext.Request.Path.StartsWithSegments(url);
}
