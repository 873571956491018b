using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// ASP.NET Core's cookie TempData (the flash messages), without the cookie deletion it writes on every page. The layout
/// reads TempData on every page to show a waiting flash; with nothing left, the framework answers by deleting the cookie,
/// whether the browser sent one or not, so every page carried a <c>Set-Cookie</c> that expired a cookie nobody had. This
/// skips the deletion only when the request brought no TempData cookie (or chunk of one); a flash to keep, or a cookie
/// to clear, is handled exactly as before.
/// </summary>
internal sealed class TempDataCookieProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    private readonly string cookieName = options.Value.Cookie.Name ?? CookieTempDataProvider.CookieName;

    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !HasCookie(context.Request))
        {
            return;
        }

        inner.SaveTempData(context, values);
    }

    private bool HasCookie(HttpRequest request)
    {
        foreach (var cookie in request.Cookies)
        {
            if (cookie.Key.StartsWith(cookieName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
