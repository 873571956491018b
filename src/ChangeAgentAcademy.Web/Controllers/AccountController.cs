using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Web.Demo;
using ChangeAgentAcademy.Web.Hosting;
using ChangeAgentAcademy.Web.Localization;
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
    IEmailOutbox outbox,
    IJobTrigger jobs,
    AppDbContext db,
    TimeProvider clock,
    IOptions<DemoOptions> demo,
    IStringLocalizer<SharedText> t) : Controller
{
    [AllowAnonymous]
    [HttpGet("signin")]
    public IActionResult SignIn(string? returnUrl) =>
        View(new SignInViewModel { ReturnUrl = returnUrl, DemoMode = demo.Value.Enabled == true });

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
        if (user is null)
        {
            // Hash anyway so an unknown address takes as long as a wrong password.
            users.PasswordHasher.HashPassword(new AppUser(), model.Password!);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, model.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                LanguageCookie.Write(Response, user.Language);
                return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
            }
        }

        // One message for unknown address, wrong password and locked account: nothing to learn from it.
        ModelState.AddModelError(string.Empty, t["SignInFailed"]);
        model.Password = null;
        return View(model);
    }

    [HttpPost("signout")]
    public async Task<IActionResult> SignOutNow()
    {
        await signIn.SignOutAsync();
        return Redirect("/account/signin");
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

        var user = await users.FindByEmailAsync(model.Email!);
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = Url.Action(nameof(Reset), "Account", new { email = user.Email, token }, Request.Scheme)!;
            using (new CultureScope(user.Language))
            {
                await outbox.QueueAsync(new OutboundEmail(user.Email!, t["ResetMailSubject"], t["ResetMailBody", user.DisplayName, link]));
            }

            db.AddAudit(clock.GetUtcNow().UtcDateTime, user.Id, "account.reset-requested", user.Id.ToString());
            await db.SaveChangesAsync();
            jobs.Trigger("notifications:outbox");
        }

        // The same answer whether or not the address is known.
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

        var user = await users.FindByEmailAsync(model.Email!);
        var result = user is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, model.Token!, model.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return View(model);
        }

        await users.SetLockoutEndDateAsync(user!, null);
        await users.ResetAccessFailedCountAsync(user!);
        TempData["Flash"] = t["PasswordResetDone"].Value;
        return Redirect("/account/signin");
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordViewModel());

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordViewModel model)
    {
        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        var result = await users.ChangePasswordAsync(user, model.CurrentPassword!, model.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return View(model);
        }

        await signIn.RefreshSignInAsync(user);
        return View(new ChangePasswordViewModel { Changed = true });
    }
}
