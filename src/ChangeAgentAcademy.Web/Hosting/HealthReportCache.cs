using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// <c>/health</c> asked by a load balancer many times a second ran the database check and Hangfire's monitoring API
/// on every call. This node now checks at most once per <see cref="MaxAge"/>: callers within a second of a check's
/// start share its report, and callers arriving while a check runs wait for that one check. A failing database
/// therefore shows as Unhealthy within about a second (one check's age plus its own duration). A check that throws
/// is not kept: the next caller checks again. Only the whole report (no predicate, as <c>/health</c> asks) is shared;
/// a filtered call goes straight through.
/// </summary>
internal sealed class HealthReportCache(HealthCheckService inner, TimeProvider clock) : HealthCheckService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock gate = new();
    private Task<HealthReport>? current;
    private long startedAt;

    public override Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default)
    {
        if (predicate is not null)
        {
            return inner.CheckHealthAsync(predicate, cancellationToken);
        }

        TaskCompletionSource<HealthReport>? mine = null;
        Task<HealthReport> shared;
        lock (gate)
        {
            var now = clock.GetTimestamp();
            var stale = current is null
                || current.IsFaulted
                || current.IsCanceled
                || (current.IsCompleted && clock.GetElapsedTime(startedAt, now) >= MaxAge);
            if (stale)
            {
                mine = new TaskCompletionSource<HealthReport>(TaskCreationOptions.RunContinuationsAsynchronously);
                current = mine.Task;
                startedAt = now;
            }

            shared = current!;
        }

        if (mine is not null)
        {
            // Outside the lock; not tied to this caller's request, since others wait for the same check.
            _ = RunAsync(mine);
        }

        return shared.WaitAsync(cancellationToken);
    }

    private async Task RunAsync(TaskCompletionSource<HealthReport> completion)
    {
        try
        {
            completion.SetResult(await inner.CheckHealthAsync(null, CancellationToken.None));
        }
        catch (Exception e)
        {
            completion.SetException(e);
        }
    }

    /// <summary>Puts the cache in front of the health check service that <c>AddHealthChecks</c> registered.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(HealthCheckService));
        services.Remove(registered);
        services.AddSingleton<HealthCheckService>(sp => new HealthReportCache(
            registered.ImplementationType is { } type
                ? (HealthCheckService)ActivatorUtilities.CreateInstance(sp, type)
                : (HealthCheckService)registered.ImplementationFactory!(sp),
            sp.GetRequiredService<TimeProvider>()));
    }
}
