using System.Net;
using ChangeAgentAcademy.Testing;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Flash messages live in a TempData cookie (Hosting/TempDataCookieProvider.cs): set when a form answers with a flash,
/// deleted once the flash has been shown, and no longer "deleted" on every page for a browser that never had one.
/// </summary>
public abstract class FlashCookieTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string CookieName = ".AspNetCore.Mvc.CookieTempDataProvider";

    [Fact]
    public async Task PagesWithoutAFlash_SetNoTempDataCookie()
    {
        var client = await SiteClient.SignedInAsync(site, "trainee1@demo.local");

        foreach (var url in new[] { "/", "/learn", "/learn", "/account/password" })
        {
            var response = await client.GetAsync(url);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(TempDataCookies(response));
        }
    }

    [Fact]
    public async Task Flash_IsSetShownOnceThenDeleted()
    {
        var client = await SiteClient.SignedInAsync(site, "trainee2@demo.local");

        var post = await client.PostFormAsync("/", "/account/signout-everywhere", new Dictionary<string, string>());
        var shown = await client.GetAsync(post.Headers.Location!.OriginalString);
        var shownBody = await shown.Content.ReadAsStringAsync();
        var after = await client.GetAsync("/account/signin");
        var afterBody = await after.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains(TempDataCookies(post), c => !Expired(c));
        Assert.Contains("You are signed out on every device.", shownBody);
        Assert.Contains(TempDataCookies(shown), Expired);
        Assert.DoesNotContain("You are signed out on every device.", afterBody);
        Assert.Empty(TempDataCookies(after));
    }

    [Fact]
    public async Task UnreadableTempDataCookie_IsDeleted_AndThePageStillAnswers()
    {
        var client = SiteClient.For(site);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/signin");
        request.Headers.Add("Cookie", CookieName + "=not-a-protected-value");

        var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(TempDataCookies(response), Expired);
    }

    private static List<string> TempDataCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Where(c => c.StartsWith(CookieName, StringComparison.Ordinal)).ToList() : [];

    private static bool Expired(string setCookie) => setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
}

public sealed class SqliteFlashCookieTests(SqliteSite site) : FlashCookieTests<SqliteSite>(site);

public sealed class PostgresFlashCookieTests(PostgresSite site) : FlashCookieTests<PostgresSite>(site);
