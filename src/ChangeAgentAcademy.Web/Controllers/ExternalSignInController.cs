using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Web.Hosting;
using ChangeAgentAcademy.Web.Localization;
using ChangeAgentAcademy.Web.Security;
using ChangeAgentAcademy.Web.Services;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Controllers;

/// <summary>Signing in with the organisation's directory (OpenID Connect): start, come back, or be told why not.</summary>
[Route("account/external")]
public sealed class ExternalSignInController(
    ExternalSignInService external,
    DirectoryConnection directory,
    SignInManager<AppUser> signIn,
    IOptions<ExternalSignInOptions> options,
    IStringLocalizer<SharedText> T) : Controller
{
    /// <summary>The button on the sign-in page: off to the directory, unless it is not answering (then a message, and the page again).</summary>
    [AllowAnonymous]
    [HttpPost("")]
    [EnableRateLimiting(AcademyServices.SignInRateLimitPolicy)]
    public async Task<IActionResult> Start(string? returnUrl)
    {
        if (!directory.IsConfigured)
        {
            return NotFound();
        }

        if (await directory.ConfigurationAsync(HttpContext.RequestAborted) is null)
        {
            TempData.Error(T["DirectoryUnavailable", directory.DisplayName]);
            return RedirectToAction(nameof(AccountController.SignIn), "Account", new { returnUrl = Local(returnUrl) });
        }

        return Challenge(new AuthenticationProperties { RedirectUri = Url.Action(nameof(Done), new { returnUrl = Local(returnUrl) }) }, ExternalSignIn.Scheme);
    }

    /// <summary>Back from the directory (the handler has checked state, nonce, signature and lifetime): the local session.</summary>
    [AllowAnonymous]
    [HttpGet("done")]
    public async Task<IActionResult> Done(string? returnUrl)
    {
        var result = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        if (!directory.IsConfigured || !result.Succeeded)
        {
            return RedirectToAction(nameof(AccountController.SignIn), "Account");
        }

        var outcome = await external.SignInAsync(ExternalIdentity.From(result.Principal, options.Value.OpenIdConnect), HttpContext.RequestAborted);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!outcome.Ok)
        {
            TempData.Error(outcome.Error ?? T["DirectorySignInFailed", directory.DisplayName]);
            return RedirectToAction(nameof(AccountController.SignIn), "Account");
        }

        var user = outcome.Value!;
        // The same local session as a password sign-in (OnSigningIn makes the core_sessions row); the id_token is kept for the provider's sign-out.
        var properties = new AuthenticationProperties();
        if (result.Properties?.GetTokenValue("id_token") is { } idToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = "id_token", Value = idToken }]);
        }

        await signIn.SignInAsync(user, properties, ExternalSignIn.Scheme);
        LanguageCookie.Write(Response, user.Language);
        return LocalRedirect(Local(returnUrl) ?? Url.Action(nameof(HomeController.Index), "Home")!);
    }

    /// <summary>The directory's answer was refused (state, nonce, token) or it reported an error.</summary>
    [AllowAnonymous]
    [HttpGet("failed")]
    public IActionResult Failed()
    {
        TempData.Error(T["DirectorySignInFailed", directory.DisplayName]);
        return RedirectToAction(nameof(AccountController.SignIn), "Account");
    }

    private string? Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
