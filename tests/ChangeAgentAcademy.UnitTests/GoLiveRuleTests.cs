using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Web.Hosting;
using ChangeAgentAcademy.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The rules behind the go-live security fixes: site address, session cache, Markdown written by people.</summary>
public class GoLiveRuleTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://[::]:5050", "http://localhost:5050")]
    [InlineData("http://+:80", "http://localhost")]
    [InlineData("https://academy.example.dk:8443", "https://academy.example.dk:8443")]
    [InlineData(null, "http://localhost")]
    public void SiteAddress_FromListeningAddress_WildcardsReadAsLocalhost(string? listening, string expected) =>
        Assert.Equal(expected, SiteAddress.FromListeningAddress(listening));

    [Theory]
    [InlineData("https://academy.example.dk", true)]
    [InlineData("https://academy.example.dk/sub/", true)]
    [InlineData("academy.example.dk", false)]
    [InlineData("ftp://academy.example.dk", false)]
    [InlineData("https://academy.example.dk/?q=1", false)]
    [InlineData("https://user:pw@academy.example.dk", false)]
    public void SiteOptions_Parse_OnlyPlainHttpAddresses(string value, bool valid) =>
        Assert.Equal(valid, SiteOptions.Parse(value) is not null);

    [Fact]
    public void SiteOptions_PublicUrlWinsOverMailSiteUrl()
    {
        var both = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://a.example", ["Mail:SiteUrl"] = "https://b.example" }).Build();
        var mailOnly = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Mail:SiteUrl"] = "https://b.example" }).Build();
        var none = new ConfigurationBuilder().Build();

        Assert.Equal("https://a.example", SiteOptions.Configured(both));
        Assert.Equal("https://b.example", SiteOptions.Configured(mailOnly));
        Assert.Null(SiteOptions.Configured(none));
    }

    [Theory]
    [InlineData("https://evil.example/x")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("account/reset")]
    public void SiteAddress_Absolute_RefusesAnythingButASitePath(string path)
    {
        var address = new SiteAddress(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Site:PublicUrl"] = "https://academy.example" }).Build(), new NoServer());

        Assert.Throws<ArgumentException>(() => address.Absolute(path));
        Assert.Equal("https://academy.example/account/reset?x=1", address.Absolute("/account/reset?x=1"));
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(210_000)]
    public void DummyHash_HasTheHashersIterationCount_SoVerifyingItCostsTheSame(int iterations)
    {
        var hasher = new Microsoft.AspNetCore.Identity.PasswordHasher<ChangeAgentAcademy.Data.AppUser>(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.AspNetCore.Identity.PasswordHasherOptions { IterationCount = iterations }));

        var bytes = Convert.FromBase64String(DummyHash.For(hasher, iterations));

        // Identity v3 format: marker, PRF (4 bytes), iteration count (4 bytes, big-endian), ...
        Assert.Equal(iterations, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(5, 4)));
    }

    [Fact]
    public void SessionCache_ForgetsEverythingWhenTheGenerationMoves()
    {
        var ticks = new FakeTimeProvider();
        var cache = new SessionCache(ticks);
        var person = Guid.NewGuid();
        cache.Saw(1);
        cache.Remember("s1", person, 1);

        Assert.True(cache.IsKnownActive("s1", person));
        Assert.False(cache.IsKnownActive("s1", Guid.NewGuid()));

        cache.Saw(2);
        Assert.False(cache.IsKnownActive("s1", person));
    }

    [Fact]
    public void SessionCache_StaleGeneration_TrustsNothing()
    {
        var ticks = new FakeTimeProvider();
        var cache = new SessionCache(ticks);
        var person = Guid.NewGuid();
        cache.Saw(7);
        cache.Remember("s1", person, 7);

        ticks.Advance(SessionCache.MaxAge + TimeSpan.FromMilliseconds(1));

        Assert.False(cache.IsKnownActive("s1", person));
        cache.Saw(7);
        Assert.True(cache.IsKnownActive("s1", person));
    }

    [Fact]
    public void SessionCache_ForgetPerson_DropsOnlyTheirSessions()
    {
        var cache = new SessionCache(new FakeTimeProvider());
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        cache.Saw(1);
        cache.Remember("a1", a, 1);
        cache.Remember("a2", a, 1);
        cache.Remember("b1", b, 1);

        cache.Forget(a);

        Assert.False(cache.IsKnownActive("a1", a));
        Assert.False(cache.IsKnownActive("a2", a));
        Assert.True(cache.IsKnownActive("b1", b));
    }

    [Fact]
    public void Markdown_HeadingIds_ArePrefixed_SoTheyCannotTakeAPageElementsId()
    {
        var html = new MarkdownRenderer().Render("## reflection-form\n\nSee [above](#reflection-form).").Html;

        Assert.Contains("id=\"md-reflection-form\"", html);
        Assert.DoesNotContain("id=\"reflection-form\"", html);
        Assert.Contains("href=\"#md-reflection-form\"", html);
    }

    [Theory]
    [InlineData("![pixel](https://tracker.example/p.gif)", "https://tracker.example/p.gif")]
    [InlineData("![](http://tracker.example/p.gif)", "http://tracker.example/p.gif")]
    [InlineData("![x](//tracker.example/p.gif)", "//tracker.example/p.gif")]
    [InlineData("![x][ref]\n\n[ref]: https://tracker.example/r.png", "https://tracker.example/r.png")]
    public void Markdown_OffSiteImage_BecomesALink_NeverLoaded(string markdown, string url)
    {
        var html = new MarkdownRenderer().Render(markdown).Html;

        Assert.DoesNotContain("<img", html);
        Assert.Contains(url.StartsWith("//", StringComparison.Ordinal) ? "tracker.example" : $"href=\"{url}\"", html);
    }

    [Fact]
    public void Markdown_SiteImage_StaysAnImage()
    {
        var html = new MarkdownRenderer().Render("![diagram](/img/pdsa.png)").Html;

        Assert.Contains("<img src=\"/img/pdsa.png\"", html);
    }

    [Fact]
    public void Markdown_PersonText_KeepsSingleLineBreaks_LessonsFollowMarkdown()
    {
        const string typed = "Good start.\nThe second line stays a line.\n\nA new paragraph.";

        var feedback = new MarkdownRenderer().RenderPersonText(typed).Html;
        var lesson = new MarkdownRenderer().Render(typed).Html;

        Assert.Contains("Good start.<br>", feedback.Replace("<br />", "<br>"));
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(feedback, "<p>").Count);
        Assert.DoesNotContain("<br", lesson);
    }

    private sealed class NoServer : Microsoft.AspNetCore.Hosting.Server.IServer
    {
        public Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();

        public void Dispose() { }

        public Task StartAsync<TContext>(Microsoft.AspNetCore.Hosting.Server.IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
