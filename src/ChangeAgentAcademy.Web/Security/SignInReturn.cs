using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// Where signing in returns a person to. A return URL is never an address that only takes a POST: when a
/// form is sent after the session ended (a hand-in, a save), sign-in returns to the page the form was on
/// (the same-origin Referer, when that page answers GET), else to the start page. Returning to the POST
/// URL itself would end on "405: That action is not possible here" and lose the way back.
/// </summary>
public sealed class SignInReturn(EndpointDataSource endpoints)
{
    private IReadOnlyList<TemplateMatcher>? pages;

    internal static void Attach(CookieAuthenticationEvents events)
    {
        var redirect = events.OnRedirectToLogin;
        events.OnRedirectToLogin = context =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                var back = context.HttpContext.RequestServices.GetRequiredService<SignInReturn>().FormPage(context.HttpContext);
                var at = context.RedirectUri.IndexOf('?', StringComparison.Ordinal);
                var login = at < 0 ? context.RedirectUri : context.RedirectUri[..at];
                context.RedirectUri = login + QueryString.Create(context.Options.ReturnUrlParameter, back);
            }

            return redirect(context);
        };
    }

    /// <summary>The page a challenged form was sent from: the Referer's path and query when it is this site and a page (GET), else "/".</summary>
    public string FormPage(HttpContext context)
    {
        var request = context.Request;
        if (!Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            || !string.Equals(referer.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(referer.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
        {
            return "/";
        }

        var path = referer.AbsolutePath;
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal))
        {
            return "/";
        }

        var local = request.PathBase.HasValue && path.StartsWith(request.PathBase.Value!, StringComparison.OrdinalIgnoreCase) ? path[request.PathBase.Value!.Length..] : path;
        return IsPage(local) ? path + referer.Query : "/";
    }

    /// <summary>True when some endpoint answers GET at <paramref name="path"/> (route constraints are not checked: a wrong id is a 404 page, not a 405).</summary>
    public bool IsPage(string path)
    {
        pages ??= endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains(HttpMethods.Get))
            .Where(e => e.RoutePattern.RawText is not null)
            .Select(e => new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new RouteValueDictionary(e.RoutePattern.Defaults)))
            .ToList();
        var values = new RouteValueDictionary();
        foreach (var page in pages)
        {
            values.Clear();
            if (page.TryMatch(path, values))
            {
                return true;
            }
        }

        return false;
    }
}
