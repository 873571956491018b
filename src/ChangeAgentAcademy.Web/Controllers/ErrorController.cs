using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Web.Controllers;

/// <summary>Readable, localized pages for every error status; re-executed for any method, so no antiforgery here.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController : Controller
{
    private static readonly int[] Known = [400, 401, 403, 404, 405, 413, 415, 429, 500];

    [Route("error/{code:int}")]
    public IActionResult Status()
    {
        // No model binding here: binding would read the (possibly oversized) body of the failed request.
        if (!int.TryParse(RouteData.Values["code"] as string, out var code) || code is < 400 or > 599)
        {
            code = 404;
        }

        Response.StatusCode = code;
        return View("Error", Known.Contains(code) ? code : code >= 500 ? 500 : 400);
    }

    [Route("error")]
    public IActionResult Exception()
    {
        // Asked for directly (no failed request behind it), there is no error to show: not found.
        var failed = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null;
        var code = Response.StatusCode >= 400 ? Response.StatusCode : failed ? 500 : 404;
        Response.StatusCode = code;
        return View("Error", Known.Contains(code) ? code : 500);
    }
}
