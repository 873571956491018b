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
                    LoggedPath(context.Request.Path),
                    context.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    context.User.PersonId());
            }
        }
    }

    /// <summary>
    /// The path as it may be written to a log: the calendar feed's secret (<c>/calendar/{token}.ics</c>,
    /// any spelling the router accepts) becomes <c>/calendar/***</c>.
    /// </summary>
    internal static string? LoggedPath(PathString path) =>
        path.StartsWithSegments("/calendar", StringComparison.OrdinalIgnoreCase, out var rest)
        && rest.HasValue && rest.Value != "/"
        && !string.Equals(rest.Value, "/renew", StringComparison.OrdinalIgnoreCase)
            ? "/calendar/***"
            : path.Value;
}
