using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Web.ViewComponents;

/// <summary>
/// The menu's entries for one set of roles in one language, worked out once per process: which entries the roles may
/// use (permissions are fixed at start), their addresses (routes are fixed at start, and menu pages take no route
/// values) and their texts. Every page showed the menu, and rebuilding it (a permission check, a link generation and
/// a resource lookup per entry) was a tenth of a signed-in page's processor time (bench/README.md, issue 18). Which
/// entry is the current page is still decided per request, by <see cref="NavigationViewComponent"/>.
/// </summary>
public sealed class NavigationMenu(ModuleCatalog catalog, IPermissionService permissions, IStringLocalizerFactory localizers, LinkGenerator links)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<NavigationMenuEntry>> built = new(StringComparer.Ordinal);

    public static readonly NavigationItem[] HostItems =
    [
        new("Home", "NavHome", typeof(Resources.SharedText), 0),
        NavigationItem.ForPath("/admin/jobs", "NavJobs", typeof(Resources.SharedText), 900, CorePermissions.ManageJobs, NavigationGroups.Administration), // Hangfire's dashboard, not a controller
    ];

    /// <summary>The entries the person may use, in menu order, in the current UI language.</summary>
    public IReadOnlyList<NavigationMenuEntry> For(ClaimsPrincipal user, PathString pathBase)
    {
        // The roles decide the permissions (PermissionService.Has asks IsInRole only); their order does not matter.
        var roles = user.Identities
            .SelectMany(identity => identity.FindAll(identity.RoleClaimType))
            .Select(claim => claim.Value)
            .Order(StringComparer.Ordinal);
        var key = string.Join('\n', [CultureInfo.CurrentUICulture.Name, pathBase.Value ?? "", .. roles]);
        return built.GetOrAdd(key, _ => Build(user, pathBase));
    }

    /// <summary>How many role-and-language combinations are held (tests).</summary>
    public int Count => built.Count;

    private List<NavigationMenuEntry> Build(ClaimsPrincipal user, PathString pathBase) =>
        HostItems.Concat(catalog.Enabled.SelectMany(m => m.Navigation))
            .Where(i => i.Permission is null || permissions.Has(user, i.Permission))
            .OrderBy(i => i.Order)
            // Each entry's address comes from its controller's route (none when its module's controllers are off).
            .Select(i => (Item: i, Url: i.Path is { } path ? pathBase.Add(path).Value : links.GetPathByAction(i.Action, i.Controller, values: null, pathBase)))
            .Where(x => x.Url is not null)
            .Select(x => new NavigationMenuEntry(
                x.Item.Group,
                x.Url!,
                localizers.Create(x.Item.TextResource)[x.Item.TextKey].Value,
                x.Item.Group is { } group ? localizers.Create(typeof(Resources.SharedText))["Nav" + group].Value : null))
            .ToList();
}
