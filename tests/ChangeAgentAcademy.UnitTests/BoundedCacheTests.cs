using ChangeAgentAcademy.Web.Hosting;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The per-process cache behind the link and session-cookie caches (Hosting/BoundedCache.cs).</summary>
public sealed class BoundedCacheTests
{
    [Fact]
    public void Set_Replaces_AndCountsAKeyOnce()
    {
        var cache = new BoundedCache<string>(4);

        cache.Set("k", "a");
        cache.Set("k", "b");

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("k", out var value));
        Assert.Equal("b", value);
    }

    [Fact]
    public void TryGet_BySpan_FindsTheSameEntries()
    {
        var cache = new BoundedCache<int>(4);
        cache.Set("link-one", 1);

        Assert.True(cache.TryGet("xlink-onex".AsSpan(1, 8), out var found));
        Assert.Equal(1, found);
        Assert.False(cache.TryGet("link-on".AsSpan(), out _));
    }

    [Fact]
    public void Full_StartsAgainEmpty_NeverHoldsMoreThanTheLimit()
    {
        var cache = new BoundedCache<int>(3);

        for (var i = 0; i < 7; i++)
        {
            cache.Set("k" + i, i);
            Assert.InRange(cache.Count, 1, 3);
        }

        Assert.Equal(1, cache.Count); // k6 alone, after k3-k5 filled it again
        Assert.True(cache.TryGet("k6", out _));
        Assert.False(cache.TryGet("k5", out _));
    }

    [Fact]
    public void Limit_BelowOne_IsRefused() => Assert.Throws<ArgumentOutOfRangeException>(() => new BoundedCache<int>(0));
}
