using System.Diagnostics;
using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>One structured log event per request: method, path, status, elapsed time, person id (never a name).</summary>
internal sealed class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            if (!context.Request.Path.StartsWithSegments("/css") && logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "HTTP {Method} {Path} responded {StatusCode} in {ElapsedMs:0.0} ms for {PersonId}",
                    context.Request.Method,
                    context.Request.Path.Value,
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    context.User.PersonId());
            }
        }
    }
}
