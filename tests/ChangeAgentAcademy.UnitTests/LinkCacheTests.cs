using ChangeAgentAcademy.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The link cache's key and limit (Hosting/LinkCache.cs); that kept links are right is in the integration tests.</summary>
public sealed class LinkCacheTests
{
    private static string? Key(object? values, string? pathBase = "", RouteValueDictionary? ambient = null, string action = "Lesson", string? controller = "Learn", string? fragment = null) =>
        LinkCache.KeyFor(new UrlActionContext { Action = action, Controller = controller, Values = values, Fragment = fragment }, pathBase, ambient ?? [], ambient ?? []);

    [Fact]
    public void Key_DiffersForEveryPartThatChangesTheLink()
    {
        var keys = new[]
        {
            Key(new { module = "m1", lesson = "l1" }),
            Key(new { module = "m1", lesson = "l2" }),
            Key(new { module = "m1", lesson = "l1" }, pathBase: "/base"),
            Key(new { module = "m1", lesson = "l1" }, ambient: new RouteValueDictionary { ["module"] = "m2" }),
            Key(new { module = "m1", lesson = "l1" }, fragment: "top"),
            Key(new { module = "m1", lesson = "l1" }, action: "Module"),
            Key(new { module = "m1", lesson = "l1" }, controller: null),
            Key(new { module = "m1" }),
            Key(null),
        };

        Assert.All(keys, Assert.NotNull);
        Assert.Equal(keys.Length, keys.Distinct().Count());
    }

    [Fact]
    public void Key_CannotBeForgedBySplittingOrJoiningValues()
    {
        // Without lengths, "ab"+"c" and "a"+"bc" (or a value holding the separator) would share a key.
        Assert.NotEqual(Key(new { a = "b", c = "d" }), Key(new { a = "b1:c", d = "" }));
        Assert.NotEqual(Key(new { module = "ab", lesson = "c" }), Key(new { module = "a", lesson = "bc" }));
        Assert.NotEqual(Key(null, pathBase: "/x", action: "y"), Key(null, pathBase: "/xy", action: ""));
        Assert.NotEqual(Key(null, pathBase: null), Key(null, pathBase: "~"));
    }

    [Fact]
    public void Key_KeepsTheValuesType()
    {
        Assert.NotEqual(Key(new { id = 5 }), Key(new { id = "5" }));
        Assert.NotEqual(Key(new { id = 5 }), Key(new { id = 5L }));
        Assert.NotEqual(Key(new { flag = true }), Key(new { flag = "True" }));
        Assert.Equal(Key(new { id = 5 }), Key(new RouteValueDictionary { ["id"] = 5 }));
        Assert.Equal(Key(new { lesson = "l1" }), Key(new Dictionary<string, string> { ["lesson"] = "l1" }));
    }

    [Fact]
    public void Key_None_ForAbsoluteLinksOrValuesWithoutAPlainText()
    {
        Assert.Null(LinkCache.KeyFor(new UrlActionContext { Action = "Index", Protocol = "https" }, "", [], []));
        Assert.Null(LinkCache.KeyFor(new UrlActionContext { Action = "Index", Host = "example.org" }, "", [], []));
        Assert.Null(Key(new { when = new DateTime(2026, 1, 1) }));
        Assert.Null(Key(new { list = new[] { 1, 2 } }));
        Assert.Null(Key(null, ambient: new RouteValueDictionary { ["odd"] = new object() }));
    }

    [Fact]
    public void Add_BeyondTheLimit_StartsAgainEmpty_NeverHoldsMore()
    {
        var cache = new LinkCache();
        for (var i = 0; i < LinkCache.Limit + 10; i++)
        {
            cache.Add("k" + i, "/p" + i);
            Assert.InRange(cache.Count, 1, LinkCache.Limit);
        }

        Assert.Equal(10, cache.Count);
        Assert.True(cache.TryGet("k" + (LinkCache.Limit + 9), out var last));
        Assert.Equal("/p" + (LinkCache.Limit + 9), last);
        Assert.False(cache.TryGet("k0", out _));
    }

    [Fact]
    public void Add_SameKeyTwice_CountsOnce()
    {
        var cache = new LinkCache();
        cache.Add("k", "/a");
        cache.Add("k", "/a");

        Assert.Equal(1, cache.Count);
    }
}
