using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.Routing;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// Gives MVC (controllers, views, tag helpers) a URL helper whose action links come from the <see cref="LinkCache"/>.
/// One helper per request, like ASP.NET Core's own factory; a request routed without an endpoint gets the plain helper.
/// </summary>
internal sealed class CachedUrlHelperFactory(LinkCache cache) : IUrlHelperFactory
{
    private static readonly object ItemKey = new();
    private readonly UrlHelperFactory inner = new();

    public IUrlHelper GetUrlHelper(ActionContext context)
    {
        var http = context.HttpContext;
        if (http.Items.TryGetValue(ItemKey, out var kept) && kept is CachedUrlHelper helper)
        {
            return helper;
        }

        var plain = inner.GetUrlHelper(context);
        if (http.GetEndpoint() is null)
        {
            return plain;
        }

        helper = new CachedUrlHelper(plain, cache);
        http.Items[ItemKey] = helper;
        return helper;
    }
}
