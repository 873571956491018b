using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Routing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Action links come from a per-process cache (Hosting/LinkCache.cs). Whatever was asked before, a link must be the
/// one ASP.NET Core's own URL helper makes for the same call on the same page: checked here for every action of the
/// site, asked from every kind of page, under two path bases, twice (the second time from the cache).
/// </summary>
public sealed class LinkCacheTests(SqliteSite site) : IClassFixture<SqliteSite>
{
    [Fact]
    public void EveryActionLink_FromEveryPage_IsWhatTheFrameworkMakes_AlsoWhenKept()
    {
        var actions = site.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is not null)
            .ToList();
        Assert.True(actions.Count > 50, $"only {actions.Count} controller actions found");
        var cache = site.Services.GetRequiredService<LinkCache>();
        cache.Clear();
        // Pages to ask from: those with the most route parameters (links may take their values from the page) and one
        // without, each with two different samples in its parameters, under two path bases. Few enough that every
        // link fits in the cache at once, so the second pass is answered from it.
        var pages = actions.OrderByDescending(e => e.RoutePattern.Parameters.Count).ThenBy(e => e.RoutePattern.RawText, StringComparer.Ordinal).Take(2)
            .Append(actions.First(e => e.RoutePattern.Parameters.Count == 0))
            .SelectMany(e => new[] { (e, "a1"), (e, "b-2") }).ToList();
        var links = new List<string?>();
        for (var pass = 0; pass < 2; pass++)
        {
            var before = cache.Count;
            foreach (var pathBase in new[] { "", "/academy" })
            {
                foreach (var (page, sample) in pages)
                {
                    foreach (var target in actions)
                    {
                        var descriptor = target.Metadata.GetMetadata<ControllerActionDescriptor>()!;
                        var full = Parameters(target, "x9");
                        // Named in full, named without its route values (routing may take them from the page), and by
                        // action only (the controller from the page).
                        links.Add(Compare(page, sample, pathBase, new UrlActionContext { Action = descriptor.ActionName, Controller = descriptor.ControllerName, Values = full }));
                        links.Add(Compare(page, sample, pathBase, new UrlActionContext { Action = descriptor.ActionName, Controller = descriptor.ControllerName }));
                        links.Add(Compare(page, sample, pathBase, new UrlActionContext { Action = descriptor.ActionName, Values = full, Fragment = "top" }));
                    }
                }
            }

            if (pass == 1)
            {
                Assert.Equal(before, cache.Count); // the second pass was answered from the cache, and still matched
            }
        }

        Assert.InRange(cache.Count, 1000, LinkCache.Limit);
        Assert.True(links.Count(l => l is not null) > 2000, $"only {links.Count(l => l is not null)} links made");
        // Some links took a value from the page: the two samples show in them.
        Assert.Contains(links, l => l?.Contains("/a1", StringComparison.Ordinal) == true);
        Assert.Contains(links, l => l?.Contains("/b-2", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void ValueTakenFromThePage_IsNotReusedOnAnotherPage()
    {
        var lesson = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { ControllerName: "Learn", ActionName: "Lesson" });
        var call = new UrlActionContext { Action = "Lesson", Controller = "Learn", Values = new { lesson = "l2" } };

        var first = Helper(lesson, Page("m1"), "").Action(call);
        var second = Helper(lesson, Page("m2"), "").Action(call);
        var based = Helper(lesson, Page("m2"), "/base").Action(call);

        Assert.Equal("/learn/m1/l2", first);
        Assert.Equal("/learn/m2/l2", second);
        Assert.Equal("/base/learn/m2/l2", based);
    }

    [Fact]
    public void PageNotAnswering200_AddsNothing_ButPathsAreStillRight()
    {
        var lesson = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.Metadata.GetMetadata<ControllerActionDescriptor>() is { ControllerName: "Learn", ActionName: "Lesson" });
        var cache = site.Services.GetRequiredService<LinkCache>();
        var helper = Helper(lesson, Page("made-up-" + Guid.NewGuid()), "");
        helper.ActionContext.HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        var before = cache.Count;

        var link = helper.Action(new UrlActionContext { Action = "Lesson", Controller = "Learn", Values = new { lesson = "l3" } });

        Assert.StartsWith("/learn/made-up-", link);
        Assert.Equal(before, cache.Count);
    }

    private static RouteValueDictionary Page(string module) =>
        new() { ["controller"] = "Learn", ["action"] = "Lesson", ["module"] = module, ["lesson"] = "l1" };

    private string? Compare(RouteEndpoint page, string sample, string pathBase, UrlActionContext call)
    {
        var ambient = Parameters(page, sample);
        var expected = Plain(page, ambient, pathBase).Action(Copy(call));
        var actual = Helper(page, ambient, pathBase).Action(Copy(call));
        Assert.True(expected == actual, $"page {page.RoutePattern.RawText} ({sample}, base '{pathBase}'), {call.Controller}/{call.Action}: expected {expected}, got {actual}");
        return actual;
    }

    private static UrlActionContext Copy(UrlActionContext call) =>
        new() { Action = call.Action, Controller = call.Controller, Values = call.Values is null ? null : new RouteValueDictionary(call.Values), Fragment = call.Fragment };

    /// <summary>The endpoint's route values: its controller and action, and a sample for each route parameter.</summary>
    private static RouteValueDictionary Parameters(RouteEndpoint endpoint, string sample)
    {
        var values = new RouteValueDictionary();
        foreach (var (key, value) in endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()!.RouteValues)
        {
            values[key] = value;
        }

        foreach (var parameter in endpoint.RoutePattern.Parameters)
        {
            var numeric = parameter.ParameterPolicies.Any(p => p.Content is "int" or "long" or "min(1)" || p.Content?.StartsWith("range", StringComparison.Ordinal) == true);
            var isGuid = parameter.ParameterPolicies.Any(p => p.Content == "guid");
            values[parameter.Name] = isGuid ? new Guid(sample.Length, 1, 2, new byte[8]) : numeric ? sample.Length * 7 : sample;
        }

        return values;
    }

    private IUrlHelper Helper(RouteEndpoint page, RouteValueDictionary ambient, string pathBase) =>
        site.Services.GetRequiredService<IUrlHelperFactory>().GetUrlHelper(Context(page, ambient, pathBase));

    private IUrlHelper Plain(RouteEndpoint page, RouteValueDictionary ambient, string pathBase) =>
        new UrlHelperFactory().GetUrlHelper(Context(page, ambient, pathBase));

    private ActionContext Context(RouteEndpoint page, RouteValueDictionary ambient, string pathBase)
    {
        var http = new DefaultHttpContext { RequestServices = site.Services };
        http.Request.PathBase = pathBase;
        http.SetEndpoint(page);
        http.Request.RouteValues = new RouteValueDictionary(ambient);
        return new ActionContext(http, new Microsoft.AspNetCore.Routing.RouteData(http.Request.RouteValues), page.Metadata.GetMetadata<ControllerActionDescriptor>()!);
    }
}
