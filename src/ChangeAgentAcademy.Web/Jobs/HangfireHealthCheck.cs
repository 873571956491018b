using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Jobs;

/// <summary>Healthy when the job storage answers and, if this node runs a server, a server has a recent heartbeat.</summary>
internal sealed class HangfireHealthCheck(JobStorage storage, IOptions<JobsOptions> options, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var monitor = storage.GetMonitoringApi();
            var servers = monitor.Servers();
            var now = clock.GetUtcNow().UtcDateTime;
            var alive = servers.Count(s => s.Heartbeat is { } beat && now - beat < TimeSpan.FromMinutes(2));
            var data = new Dictionary<string, object> { ["servers"] = alive, ["enqueued"] = monitor.EnqueuedCount("default") };
            if (options.Value.RunServer && alive == 0)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("No job server has reported in the last 2 minutes.", data: data));
            }

            return Task.FromResult(HealthCheckResult.Healthy($"{alive} job server(s)", data));
        }
        catch (Exception e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Job storage unreachable.", e));
        }
    }
}
