using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Web.ViewComponents;

/// <summary>The menu: the enabled modules' entries the signed-in person may use (built once per roles and language by <see cref="NavigationMenu"/>).</summary>
public sealed class NavigationViewComponent(NavigationMenu menu) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var visible = menu.For(HttpContext.User, HttpContext.Request.PathBase);
        // One entry is current: the longest that matches (/learn/kit, not also /learn).
        string? current = null;
        foreach (var entry in visible)
        {
            if (IsCurrent(entry.Url) && (current is null || entry.Url.Length > current.Length))
            {
                current = entry.Url;
            }
        }

        return View(Grouped(visible, current));
    }

    /// <summary>
    /// The top row: ungrouped links in order, and each group once, where its first entry would stand. A group with a
    /// single visible entry is shown as that entry (a disclosure for one link is only a detour).
    /// </summary>
    internal static List<NavigationLink> Grouped(IReadOnlyList<NavigationMenuEntry> entries, string? current)
    {
        var result = new List<NavigationLink>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Group is null)
            {
                result.Add(new NavigationLink(entry.Url, entry.Text, entry.Url == current));
                continue;
            }
            if (!seen.Add(entry.Group))
            {
                continue;
            }
            var members = entries.Where(x => x.Group == entry.Group).Select(x => new NavigationLink(x.Url, x.Text, x.Url == current)).ToList();
            result.Add(members.Count == 1
                ? members[0]
                : new NavigationLink("", entry.GroupText ?? entry.Group, members.Any(m => m.Current)) { Children = members });
        }
        return result;
    }

    private bool IsCurrent(string url) =>
        url == "/" ? HttpContext.Request.Path == "/" : HttpContext.Request.Path.StartsWithSegments(url);
}
