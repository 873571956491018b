using System.Buffers;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// A page that looks the same to every visitor who is not signed in, but for the language and the antiforgery token
/// of its forms (the sign-in page): the view is rendered once per language and then reused, with this request's own
/// token put where the rendered one stood (and its antiforgery cookie set as the view would). Razor, the layout, the
/// tag helpers and the localized strings ran on every request for the same bytes: about half of the page's CPU.
/// Rendered normally, and not kept, whenever the answer could differ: a signed-in visitor (the layout shows menus),
/// a query string (the return address is in the forms), a flash message waiting (TempData cookie), another
/// spelling of the path (the language form carries it), or a status other than 200. The view and the layout must
/// therefore show an anonymous visitor nothing that changes between requests beyond these (a comment at the top of
/// both says so). A changed style sheet is seen after a restart (its version hash is in the cached page).
/// </summary>
internal sealed class AnonymousPageResult(ViewResult view) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var key = Key(context);
        if (key is null)
        {
            await view.ExecuteResultAsync(context);
            return;
        }

        var cache = http.RequestServices.GetRequiredService<AnonymousPageCache>();
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (cache.TryGet(key, out var pieces))
        {
            var token = Encoding.UTF8.GetBytes(antiforgery.GetAndStoreTokens(http).RequestToken!);
            http.Response.ContentType = "text/html; charset=utf-8";
            var body = http.Response.BodyWriter;
            for (var i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    body.Write(token);
                }

                body.Write(pieces[i]);
            }

            await body.FlushAsync(http.RequestAborted);
            return;
        }

        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await view.ExecuteResultAsync(context);
        }
        finally
        {
            http.Response.Body = original;
        }

        if (http.Response.StatusCode == StatusCodes.Status200OK && Canonical(context) && antiforgery.GetAndStoreTokens(http).RequestToken is { Length: > 0 } rendered)
        {
            var html = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            if (html.Contains(rendered, StringComparison.Ordinal))
            {
                cache.Set(key, html.Split(rendered).Select(Encoding.UTF8.GetBytes).ToArray());
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
    }

    /// <summary>The cache key (path, view, culture, language) when this request may share the rendered page; otherwise null.</summary>
    private string? Key(ActionContext context)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method)
            || http.User.Identity?.IsAuthenticated == true
            || request.QueryString.HasValue
            || !context.ModelState.IsValid
            || view.StatusCode is not (null or StatusCodes.Status200OK))
        {
            return null;
        }

        var tempDataCookie = http.RequestServices.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie.Name;
        foreach (var cookie in request.Cookies)
        {
            if (tempDataCookie is not null && cookie.Key.StartsWith(tempDataCookie, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return string.Join('|', request.PathBase + request.Path, view.ViewName, CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>Only the path as the site itself links to it is kept (the language form carries the path): other spellings are rendered each time.</summary>
    private static bool Canonical(ActionContext context) =>
        string.Equals(
            context.HttpContext.RequestServices.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(context).Action(),
            context.HttpContext.Request.PathBase + context.HttpContext.Request.Path,
            StringComparison.Ordinal);
}
