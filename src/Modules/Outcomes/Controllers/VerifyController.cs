using ChangeAgentAcademy.Outcomes.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Outcomes.Controllers;

/// <summary>The public page a certificate's QR code opens: name, programme, date, and whether it was revoked. Nothing else.</summary>
[AllowAnonymous]
[Route("verify")]
public sealed class VerifyController(CertificatePages pages) : Controller
{
    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code)
    {
        var model = await pages.VerifyAsync(code);
        if (model is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Unknown");
        }

        return View(model);
    }
}
