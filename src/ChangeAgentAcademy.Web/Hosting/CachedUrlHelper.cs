using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>ASP.NET Core's URL helper, with action links kept in the <see cref="LinkCache"/> (see there for when).</summary>
internal sealed class CachedUrlHelper(IUrlHelper inner, LinkCache cache) : IUrlHelper
{
    public ActionContext ActionContext => inner.ActionContext;

    public string? Action(UrlActionContext actionContext)
    {
        var http = ActionContext.HttpContext;
        return cache.GetOrMake(
            actionContext,
            http.Request.PathBase.Value,
            http.Features.Get<IRouteValuesFeature>()?.RouteValues,
            ActionContext.RouteData.Values,
            (inner, actionContext),
            static state => state.inner.Action(state.actionContext),
            keep: http.Response.StatusCode == StatusCodes.Status200OK);
    }

    public string? Content(string? contentPath) => inner.Content(contentPath);

    public bool IsLocalUrl(string? url) => inner.IsLocalUrl(url);

    public string? RouteUrl(UrlRouteContext routeContext) => inner.RouteUrl(routeContext);

    public string? Link(string? routeName, object? values) => inner.Link(routeName, values);
}
