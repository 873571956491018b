using System.Diagnostics;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Hosting;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Web.Demo;
using ChangeAgentAcademy.Web.Hosting;
using ChangeAgentAcademy.Web.Localization;
using ChangeAgentAcademy.Web.Security;
using ChangeAgentAcademy.Web.Services;
using ChangeAgentAcademy.Web.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Controllers;

[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signIn,
    UserManager<AppUser> users,
    AccountService account,
    SessionStore sessions,
    ISiteAddress site,
    IOptions<DemoOptions> demo,
    IOptions<PasswordHasherOptions> hashing,
    IStringLocalizer<SharedText> T) : Controller
{
    // Showing the form (GET) is SignInPageController: it needs none of this controller's services.
    [AllowAnonymous]
    [HttpPost("signin")]
    [EnableRateLimiting(AcademyServices.SignInRateLimitPolicy)]
    public async Task<IActionResult> SignIn(SignInViewModel model)
    {
        model.DemoMode = demo.Value.Enabled == true;
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.FindByEmailAsync(model.Email!);
        if (user is null || user.PasswordHash is null || await users.IsLockedOutAsync(user))
        {
            // One password hash on every path, so an unknown address, an account without a password and a locked
            // account take as long as a wrong password: the answer's timing tells nothing.
            users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash.For(users.PasswordHasher, hashing.Value.IterationCount), model.Password!);
            await account.SignInFailedAsync(model.Email!, user?.Id, user is null ? "unknown-address" : user.PasswordHash is null ? "no-password" : "locked");
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, model.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                await account.SignedInAsync(user.Id);
                LanguageCookie.Write(Response, user.Language);
                return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : Url.Action(nameof(HomeController.Index), "Home")!);
            }

            await account.SignInFailedAsync(model.Email!, user.Id, result.IsLockedOut ? "wrong-password, locked" : "wrong-password");
            if (result.IsLockedOut)
            {
                // Locked by this attempt: whoever holds a session of this account loses it now.
                await account.LockedOutAsync(user.Id);
            }
        }

        // One message for unknown address, wrong password and locked account: nothing to learn from it.
        ModelState.AddModelError(string.Empty, T["SignInFailed"]);
        model.Password = null;
        return View(model);
    }

    [HttpPost("signout")]
    public async Task<IActionResult> SignOutNow()
    {
        // Signed in with the directory: its session ends too (where it has an end-session endpoint).
        var provider = await ExternalSignIn.ProviderSignOutAsync(HttpContext, Url.Action(nameof(SignIn))!);
        // The session record goes, so a copy of this cookie is worthless on every node.
        if (await SessionCookie.CurrentIdAsync(HttpContext) is { } session)
        {
            await sessions.RevokeAsync(session);
        }

        if (User.PersonId() is { } me)
        {
            await account.SignedOutAsync(me);
        }

        await signIn.SignOutAsync();
        return provider is null ? RedirectToAction(nameof(SignIn)) : SignOut(provider, ExternalSignIn.Scheme);
    }

    [HttpPost("signout-everywhere")]
    public async Task<IActionResult> SignOutEverywhere()
    {
        await account.SignOutEverywhereAsync(User.RequiredPersonId());
        await signIn.SignOutAsync();
        TempData.Success(T["SignedOutEverywhere"]);
        return RedirectToAction(nameof(SignIn));
    }

    [AllowAnonymous]
    [HttpGet("forgot")]
    public IActionResult Forgot() => View(new ForgotPasswordViewModel());

    [AllowAnonymous]
    [HttpPost("forgot")]
    [EnableRateLimiting(AcademyServices.SignInRateLimitPolicy)]
    public async Task<IActionResult> Forgot(ForgotPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var started = Stopwatch.GetTimestamp();
        // From the configured public address, never from the request's Host header (a poisoned link).
        await account.ForgotAsync(model.Email!, (user, token) => site.Absolute(Url.Action(nameof(Reset), "Account", new { email = user.Email, token })!));

        // The same answer whether or not the address is known, and after the same time.
        // Task.Delay may wake a fraction of a millisecond early (timer granularity): wait until the time has passed.
        for (var left = ForgotMinimumDuration - Stopwatch.GetElapsedTime(started); left > TimeSpan.Zero; left = ForgotMinimumDuration - Stopwatch.GetElapsedTime(started))
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(1));
        }

        return View(new ForgotPasswordViewModel { Sent = true });
    }

    [AllowAnonymous]
    [HttpGet("reset")]
    public IActionResult Reset(string? email, string? token) => View(new ResetPasswordViewModel { Email = email, Token = token });

    [AllowAnonymous]
    [HttpPost("reset")]
    [EnableRateLimiting(AcademyServices.SignInRateLimitPolicy)]
    public async Task<IActionResult> Reset(ResetPasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        // Whoever knew the old password may hold a session: a reset ends them all.
        var result = await account.ResetPasswordAsync(model.Email!, model.Token!, model.Password!);
        if (!result.Ok)
        {
            AddErrors(result);
            return View(model);
        }

        TempData.Success(T["PasswordResetDone"]);
        return RedirectToAction(nameof(SignIn));
    }

    [HttpGet("password")]
    public async Task<IActionResult> ChangePassword() => View(await WithSessions(new ChangePasswordViewModel()));

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(await WithSessions(model));
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        // Every other session ends (a thief's included); this one is kept and its cookie renewed.
        var result = await account.ChangePasswordAsync(user, model.CurrentPassword!, model.Password!, await SessionCookie.CurrentIdAsync(HttpContext));
        if (!result.Ok)
        {
            AddErrors(result);
            return View(await WithSessions(model));
        }

        await signIn.RefreshSignInAsync(user);
        return View(await WithSessions(new ChangePasswordViewModel { Changed = true }));
    }

    /// <summary>However fast the lookup, the forgotten-password answer takes this long (known and unknown addresses alike).</summary>
    public static readonly TimeSpan ForgotMinimumDuration = TimeSpan.FromMilliseconds(400);

    private async Task<ChangePasswordViewModel> WithSessions(ChangePasswordViewModel model)
    {
        model.Sessions = [.. await account.SessionsAsync(User.RequiredPersonId(), await SessionCookie.CurrentIdAsync(HttpContext))];
        return model;
    }

    private void AddErrors(Result result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error);
        }
    }
}
