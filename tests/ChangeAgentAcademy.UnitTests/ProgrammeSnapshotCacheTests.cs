using ChangeAgentAcademy.Outcomes.ViewModels;
using ChangeAgentAcademy.Outcomes.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>Issue 17, /programme at scale: the held snapshot is reused while young, counted afresh when old, and never held when turned off.</summary>
public class ProgrammeSnapshotCacheTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private int builds;

    private ProgrammeSnapshotCache Cache(string? seconds = null) => new(
        new ConfigurationBuilder().AddInMemoryCollection(seconds is null ? [] : new Dictionary<string, string?> { ["Outcomes:ProgrammeSnapshotSeconds"] = seconds }).Build(), clock);

    private Task<ProgrammeSnapshot> Build(CancellationToken ct)
    {
        Interlocked.Increment(ref builds);
        return Task.FromResult(new ProgrammeSnapshot(clock.GetUtcNow().UtcDateTime, [],
            new GroupRow(null, string.Empty, 0, true, 0, 0, 0, 0, 0, 0, 0, null, null, 0, 0, 0, 0, 0),
            new Dictionary<Guid, GroupRow>(), [], false, null, 0, new Dictionary<Guid, (int[], int[])>()));
    }

    [Fact]
    public async Task Default_HeldTenMinutes_ThenCountedAfresh()
    {
        var cache = Cache();
        Assert.Equal(TimeSpan.FromMinutes(10), cache.MaxAge);
        var first = await cache.GetAsync(Build);
        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Same(first, await cache.GetAsync(Build));
        Assert.Equal(1, builds);

        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await cache.GetAsync(Build);
        Assert.NotSame(first, second);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, second.TakenUtc);
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task Refresh_CountsAfresh_EvenWhileYoung()
    {
        var cache = Cache("300");
        var first = await cache.GetAsync(Build);
        var refreshed = await cache.GetAsync(Build, refresh: true);
        Assert.NotSame(first, refreshed);
        Assert.Same(refreshed, await cache.GetAsync(Build));
        Assert.Equal(2, builds);
    }

    [Fact]
    public async Task ConcurrentRequests_OnAnEmptyCache_CountOnce()
    {
        var cache = Cache("300");
        var all = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.GetAsync(async ct => { await Task.Delay(50, ct); return await Build(ct); }))));
        Assert.Equal(1, builds);
        Assert.All(all, s => Assert.Same(all[0], s));
    }

    [Fact]
    public async Task Zero_TurnsTheCacheOff()
    {
        var cache = Cache("0");
        Assert.Equal(TimeSpan.Zero, cache.MaxAge);
        Assert.NotSame(await cache.GetAsync(Build), await cache.GetAsync(Build));
        Assert.Equal(2, builds);
    }
}
