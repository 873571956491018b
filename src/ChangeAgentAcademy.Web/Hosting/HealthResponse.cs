using System.Text.Json;
using ChangeAgentAcademy.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// <c>/health</c>: anyone (a load balancer) gets only "Healthy", "Degraded" or "Unhealthy" with the matching status
/// code; an administrator also sees each check's state and time. Descriptions and exception texts are never shown:
/// they name servers, databases and versions.
/// </summary>
internal static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        object body = context.User.IsInRole(Roles.Administrator)
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1) }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
