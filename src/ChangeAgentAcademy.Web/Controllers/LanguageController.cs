using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Web.Localization;
using ChangeAgentAcademy.Web.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Web.Controllers;

/// <summary>The language switcher: remembered in a cookie and, for a signed-in person, in their profile.</summary>
[AllowAnonymous]
[Route("language")]
public sealed class LanguageController(AccountService account) : Controller
{
    [HttpPost("")]
    public async Task<IActionResult> Set(string? language, string? returnUrl)
    {
        if (!ProgrammeOptions.IsSupported(language))
        {
            return BadRequest();
        }

        LanguageCookie.Write(Response, language!);
        if (User.PersonId() is { } id)
        {
            await account.SetLanguageAsync(id, language!);
        }

        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : Url.Action(nameof(HomeController.Index), "Home")!);
    }
}
