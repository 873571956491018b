using ChangeAgentAcademy.Web.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>Issue 18: /health checks at most once a second per node; callers share one check; a failure shows within a second.</summary>
public class HealthReportCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 5, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task WithinASecond_OneCheck_SameReport_ThenCheckedAgain()
    {
        var checks = new CountingService(HealthStatus.Healthy);
        var cache = new HealthReportCache(checks, clock);

        var first = await cache.CheckHealthAsync();
        clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Same(first, await cache.CheckHealthAsync());
        Assert.Equal(1, checks.Calls);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        var second = await cache.CheckHealthAsync();
        Assert.NotSame(first, second);
        Assert.Equal(2, checks.Calls);
    }

    [Fact]
    public async Task FailingDatabase_ShowsUnhealthy_WithinASecond()
    {
        var checks = new CountingService(HealthStatus.Healthy);
        var cache = new HealthReportCache(checks, clock);
        Assert.Equal(HealthStatus.Healthy, (await cache.CheckHealthAsync()).Status);

        checks.Status = HealthStatus.Unhealthy;
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(HealthStatus.Healthy, (await cache.CheckHealthAsync()).Status);
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var report = await cache.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["database"].Status);

        checks.Status = HealthStatus.Healthy;
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HealthStatus.Healthy, (await cache.CheckHealthAsync()).Status);
    }

    [Fact]
    public async Task ConcurrentCallers_WhileACheckRuns_ShareIt_EvenPastASecond()
    {
        var checks = new CountingService(HealthStatus.Healthy) { Gate = new TaskCompletionSource() };
        var cache = new HealthReportCache(checks, clock);

        var callers = new Task<HealthReport>[20];
        Parallel.For(0, callers.Length, i => callers[i] = cache.CheckHealthAsync());
        clock.Advance(TimeSpan.FromSeconds(5));
        var late = cache.CheckHealthAsync();
        Assert.False(late.IsCompleted);
        checks.Gate.SetResult();

        var reports = await Task.WhenAll(callers.Append(late));
        Assert.Equal(1, checks.Calls);
        Assert.All(reports, r => Assert.Same(reports[0], r));
    }

    [Fact]
    public async Task ACheckThatThrows_IsNotKept()
    {
        var checks = new CountingService(HealthStatus.Healthy) { Throw = true };
        var cache = new HealthReportCache(checks, clock);
        await Assert.ThrowsAsync<InvalidOperationException>(() => cache.CheckHealthAsync());

        checks.Throw = false;
        Assert.Equal(HealthStatus.Healthy, (await cache.CheckHealthAsync()).Status);
        Assert.Equal(2, checks.Calls);
    }

    [Fact]
    public async Task ACallerGivingUp_DoesNotCancelTheSharedCheck()
    {
        var checks = new CountingService(HealthStatus.Healthy) { Gate = new TaskCompletionSource() };
        var cache = new HealthReportCache(checks, clock);
        using var impatient = new CancellationTokenSource();
        var first = cache.CheckHealthAsync(impatient.Token);
        var second = cache.CheckHealthAsync();
        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);

        checks.Gate.SetResult();
        Assert.Equal(HealthStatus.Healthy, (await second).Status);
        Assert.Equal(1, checks.Calls);
    }

    [Fact]
    public async Task AFilteredCall_IsNeverShared()
    {
        var checks = new CountingService(HealthStatus.Healthy);
        var cache = new HealthReportCache(checks, clock);
        await cache.CheckHealthAsync(_ => true);
        await cache.CheckHealthAsync(_ => true);
        Assert.Equal(2, checks.Calls);
    }

    private sealed class CountingService(HealthStatus status) : HealthCheckService
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public HealthStatus Status { get; set; } = status;

        public bool Throw { get; set; }

        public TaskCompletionSource? Gate { get; init; }

        public override async Task<HealthReport> CheckHealthAsync(Func<HealthCheckRegistration, bool>? predicate, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref calls);
            if (Gate is not null)
            {
                await Gate.Task;
            }

            if (Throw)
            {
                throw new InvalidOperationException("storage gone");
            }

            var entry = new HealthReportEntry(Status, null, TimeSpan.FromMilliseconds(2), null, null);
            return new HealthReport(new Dictionary<string, HealthReportEntry> { ["database"] = entry }, TimeSpan.FromMilliseconds(2));
        }
    }
}
