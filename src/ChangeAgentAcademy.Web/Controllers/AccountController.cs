using System.Diagnostics;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Hosting;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Web.Security;
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
    SessionStore sessions,
    ISiteAddress site,
    TimeProvider clock,
    IOptions<DemoOptions> demo,
    IOptions<PasswordHasherOptions> hashing,
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
        if (user is null || user.PasswordHash is null || await users.IsLockedOutAsync(user))
        {
            // One password hash on every path, so an unknown address, an account without a password and a locked
            // account take as long as a wrong password: the answer's timing tells nothing.
            users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash.For(users.PasswordHasher, hashing.Value.IterationCount), model.Password!);
        }
        else
        {
            var result = await signIn.PasswordSignInAsync(user, model.Password!, isPersistent: false, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                LanguageCookie.Write(Response, user.Language);
                return LocalRedirect(Url.IsLocalUrl(model.ReturnUrl) ? model.ReturnUrl! : "/");
            }

            if (result.IsLockedOut)
            {
                // Locked by this attempt: whoever holds a session of this account loses it now.
                await sessions.RevokeAllAsync(user.Id);
                db.AddAudit(clock.GetUtcNow().UtcDateTime, null, "account.locked-out", user.Id.ToString());
                await db.SaveChangesAsync();
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
        // The session record goes, so a copy of this cookie is worthless on every node.
        if (await SessionCookie.CurrentIdAsync(HttpContext) is { } session)
        {
            await sessions.RevokeAsync(session);
        }

        await signIn.SignOutAsync();
        return Redirect("/account/signin");
    }

    [HttpPost("signout-everywhere")]
    public async Task<IActionResult> SignOutEverywhere()
    {
        var me = User.RequiredPersonId();
        await sessions.RevokeAllAsync(me);
        db.AddAudit(clock.GetUtcNow().UtcDateTime, me, "account.signed-out-everywhere", me.ToString());
        await db.SaveChangesAsync();
        await signIn.SignOutAsync();
        TempData["Flash"] = t["SignedOutEverywhere"].Value;
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

        var started = Stopwatch.GetTimestamp();
        var user = await users.FindByEmailAsync(model.Email!);
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            // From the configured public address, never from the request's Host header (a poisoned link).
            var link = site.Absolute(Url.Action(nameof(Reset), "Account", new { email = user.Email, token })!);
            using (new CultureScope(user.Language))
            {
                await outbox.QueueAsync(new OutboundEmail(user.Email!, t["ResetMailSubject"], t["ResetMailBody", user.DisplayName, link]));
            }

            db.AddAudit(clock.GetUtcNow().UtcDateTime, user.Id, "account.reset-requested", user.Id.ToString());
            await db.SaveChangesAsync();
            jobs.Trigger(JobIds.NotificationsOutbox);
        }

        // The same answer whether or not the address is known, and after the same time.
        var left = ForgotMinimumDuration - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left);
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
        // Whoever knew the old password may hold a session: a reset ends them all.
        await sessions.RevokeAllAsync(user!.Id);
        db.AddAudit(clock.GetUtcNow().UtcDateTime, user.Id, "account.password-reset", user.Id.ToString());
        await db.SaveChangesAsync();
        TempData["Flash"] = t["PasswordResetDone"].Value;
        return Redirect("/account/signin");
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

        var result = await users.ChangePasswordAsync(user, model.CurrentPassword!, model.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error.Description);
            }

            return View(await WithSessions(model));
        }

        // Every other session ends (a thief's included); this one is kept and its cookie renewed.
        var current = await SessionCookie.CurrentIdAsync(HttpContext);
        await sessions.RevokeAllAsync(user.Id, keepSessionId: current);
        db.AddAudit(clock.GetUtcNow().UtcDateTime, user.Id, "account.password-changed", user.Id.ToString());
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        return View(await WithSessions(new ChangePasswordViewModel { Changed = true }));
    }

    /// <summary>However fast the lookup, the forgotten-password answer takes this long (known and unknown addresses alike).</summary>
    public static readonly TimeSpan ForgotMinimumDuration = TimeSpan.FromMilliseconds(400);

    private async Task<ChangePasswordViewModel> WithSessions(ChangePasswordViewModel model)
    {
        var current = await SessionCookie.CurrentIdAsync(HttpContext);
        model.Sessions = (await sessions.ListAsync(User.RequiredPersonId()))
            .Select(s => new SessionRow(s.CreatedUtc, DeviceName.Describe(s.Device), s.Id == current))
            .ToList();
        return model;
    }
}
