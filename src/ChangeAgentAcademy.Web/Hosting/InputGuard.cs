using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// Refuses malformed input before any action sees it, once for every endpoint: control characters
/// (NUL and the other C0 codes except tab, CR and LF) in the path, the query or a form field answer 400
/// (PostgreSQL refuses NUL in text, and no one types them); a post to a page's action whose body is not
/// a form (JSON, text, nothing) answers 415. Both get the readable error page.
/// </summary>
internal sealed class InputGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The re-executed error page sees the failed request: let it render.
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        if (HasControlCharacter(request.Path.Value) || request.Query.Any(q => HasControlCharacter(q.Key) || q.Value.Any(HasControlCharacter)))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var action = context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>();
        if (action is not null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method))
        {
            if (!request.HasFormContentType)
            {
                context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e) when (e.InnerException is not null)
            {
                // The form reader refuses NUL ("invalid characters"); MVC would wrap that in a 500. Limits
                // (no inner exception) go on to the exception handler's 413.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (form.Any(f => HasControlCharacter(f.Key) || f.Value.Any(HasControlCharacter)) || form.Files.Any(f => HasControlCharacter(f.Name) || HasControlCharacter(f.FileName)))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
        }

        await next(context);
    }

    internal static bool HasControlCharacter(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c < ' ' && c is not '\t' and not '\r' and not '\n')
            {
                return true;
            }
        }

        return false;
    }
}
