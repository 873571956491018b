using System.Net;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// The session cookie's decryption is remembered for a minute (Security/CachedTicketFormat.cs); ending a session must
/// still end it at once, whether the cookie was remembered or not.
/// </summary>
public abstract class SessionCookieCacheTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public void SessionCookie_IsReadThroughTheCache()
    {
        var options = site.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.IsType<CachedTicketFormat>(options.TicketDataFormat);
    }

    [Fact]
    public async Task RememberedCookie_AfterSignOutEverywhere_IsRefused()
    {
        var person = await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee);
        var browser = SiteClient.For(site);
        var signIn = await browser.SignInAsync(person.Email!, SiteClient.TestPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("caa.session=", StringComparison.Ordinal)).Split(';')[0];
        var replay = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", cookie);

        var before = await replay.GetAsync("/learn");
        var again = await replay.GetAsync("/learn");
        await browser.PostFormAsync("/", "/account/signout-everywhere", new Dictionary<string, string>());
        var after = await replay.GetAsync("/learn");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/signin", after.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task TamperedCookie_IsRefused()
    {
        var person = await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee);
        var signIn = await SiteClient.For(site).SignInAsync(person.Email!, SiteClient.TestPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("caa.session=", StringComparison.Ordinal)).Split(';')[0];
        var tampered = cookie[..^3] + (cookie[^3] == 'A' ? 'B' : 'A') + cookie[^2..];
        var replay = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", tampered);

        var response = await replay.GetAsync("/learn");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}

public sealed class SqliteSessionCookieCacheTests(SqliteSite site) : SessionCookieCacheTests<SqliteSite>(site);

public sealed class PostgresSessionCookieCacheTests(PostgresSite site) : SessionCookieCacheTests<PostgresSite>(site);
