using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Routing.Template;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// Where signing in returns a person to. A return URL is never an address that only takes a POST: when a
/// form is sent after the session ended (a hand-in, a save), sign-in returns to the page the form was on
/// (the same-origin Referer, when that page answers GET), else to the start page. Returning to the POST
/// URL itself would end on "405: That action is not possible here" and lose the way back.
/// </summary>
public sealed class SignInReturn(EndpointDataSource endpoints, ParameterPolicyFactory policies)
{
    private IReadOnlyList<(TemplateMatcher Template, IReadOnlyList<(string Name, IRouteConstraint Constraint)> Constraints)>? pages;

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
        return IsPage(local, context) ? path + referer.Query : "/";
    }

    /// <summary>True when some endpoint answers GET at <paramref name="path"/>, its route constraints included ("/logs/new" is not "/logs/{id:long}").</summary>
    public bool IsPage(string path, HttpContext context)
    {
        pages ??= endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } m || m.HttpMethods.Contains(HttpMethods.Get))
            .Where(e => e.RoutePattern.RawText is not null)
            .Select(e => (
                new TemplateMatcher(TemplateParser.Parse(e.RoutePattern.RawText!), new RouteValueDictionary(e.RoutePattern.Defaults)),
                (IReadOnlyList<(string, IRouteConstraint)>)e.RoutePattern.Parameters
                    .SelectMany(p => e.RoutePattern.ParameterPolicies.GetValueOrDefault(p.Name, []).Select(r => (p.Name, policies.Create(p, r))))
                    .Where(x => x.Item2 is IRouteConstraint)
                    .Select(x => (x.Name, (IRouteConstraint)x.Item2))
                    .ToList()))
            .ToList();
        foreach (var (template, constraints) in pages)
        {
            var values = new RouteValueDictionary();
            if (template.TryMatch(path, values) && constraints.All(c => c.Constraint.Match(context, null, c.Name, values, RouteDirection.IncomingRequest)))
            {
                return true;
            }
        }

        return false;
    }
}
