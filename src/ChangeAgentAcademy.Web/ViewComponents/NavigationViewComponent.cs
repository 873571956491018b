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
        var links = visible.Select(x => (x.Item.Group, Link: new NavigationLink(x.Url, localizers.Create(x.Item.TextResource)[x.Item.TextKey], x.Url == current))).ToList();
        return View(Grouped(links));
    }

    /// <summary>
    /// The top row: ungrouped links in order, and each group once, where its first entry would stand. A group with a
    /// single visible entry is shown as that entry (a disclosure for one link is only a detour).
    /// </summary>
    private List<NavigationLink> Grouped(List<(string? Group, NavigationLink Link)> links)
    {
        var result = new List<NavigationLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, link) in links)
        {
            if (group is null)
            {
                result.Add(link);
                continue;
            }
            if (!seen.Add(group))
            {
                continue;
            }
            var members = links.Where(x => x.Group == group).Select(x => x.Link).ToList();
            result.Add(members.Count == 1
                ? members[0]
                : new NavigationLink("", localizers.Create(typeof(Resources.SharedText))["Nav" + group], members.Any(m => m.Current)) { Children = members });
        }
        return result;
    }

    private static readonly NavigationItem[] HostItems =
    [
        new("Home", "NavHome", typeof(Resources.SharedText), 0),
        NavigationItem.ForPath("/admin/jobs", "NavJobs", typeof(Resources.SharedText), 900, CorePermissions.ManageJobs, NavigationGroups.Administration), // Hangfire's dashboard, not a controller
    ];

    private bool IsCurrent(string url) =>
        url == "/" ? HttpContext.Request.Path == "/" : HttpContext.Request.Path.StartsWithSegments(url);
}
