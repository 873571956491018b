using ChangeAgentAcademy.Web.Demo;
using ChangeAgentAcademy.Web.Hosting;
using ChangeAgentAcademy.Web.ViewModels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Controllers;

/// <summary>
/// Showing the sign-in form (<c>GET /account/signin</c>; posting it is <see cref="AccountController.SignIn(SignInViewModel)"/>).
/// A controller of its own so that showing the form builds none of the account's services: the account controller
/// takes Identity's sign-in and user managers, the account service (a database context from the pool) and the
/// session store, which was a fifth of this page's CPU for a form that needs only the demo switch.
/// </summary>
[Route("account")]
public sealed class SignInPageController(IOptions<DemoOptions> demo) : Controller
{
    [AllowAnonymous]
    [HttpGet("signin")]
    public IActionResult SignIn(string? returnUrl) =>
        // The same page for every anonymous visitor but for the language and the token: rendered once per language.
        new AnonymousPageResult(View("~/Views/Account/SignIn.cshtml", new SignInViewModel { ReturnUrl = returnUrl, DemoMode = demo.Value.Enabled == true }));
}
