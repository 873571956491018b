using ChangeAgentAcademy.Web.Controllers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// With <c>Authentication:LocalSignIn=false</c> the password paths are closed (404): signing in with a password,
/// the forgotten-password mail and the reset. The sign-in page itself stays (it offers the directory).
/// </summary>
public sealed class LocalSignInGate(IOptions<ExternalSignInOptions> options) : IActionFilter
{
    private static readonly HashSet<string> Closed = [nameof(AccountController.Forgot), nameof(AccountController.Reset)];

    public void OnActionExecuting(ActionExecutingContext context)
    {
        if (options.Value.LocalSignIn || context.ActionDescriptor is not ControllerActionDescriptor action || action.ControllerTypeInfo.AsType() != typeof(AccountController))
        {
            return;
        }

        var isPasswordSignIn = action.ActionName == nameof(AccountController.SignIn) && HttpMethods.IsPost(context.HttpContext.Request.Method);
        if (isPasswordSignIn || Closed.Contains(action.ActionName))
        {
            context.Result = new NotFoundResult();
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}
