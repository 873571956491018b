using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Web.Security;
using Microsoft.AspNetCore.WebUtilities;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// A browser's antiforgery token is encrypted once a minute and masked afresh on every page
/// (Security/MaskedAntiforgeryTokens.cs): each page's token differs, each is accepted, and a token is still refused
/// with another browser's cookie or when changed.
/// </summary>
public abstract partial class MaskedAntiforgeryTokenTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task EveryPage_CarriesADifferentMaskedToken_AndEachIsAccepted()
    {
        var person = await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee);
        var browser = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

        var first = await TokenOfAsync(browser);
        var second = await TokenOfAsync(browser);

        Assert.NotEqual(first, second);
        Assert.All([first, second], t => Assert.Equal(MaskedAntiforgeryTokens.Marker, WebEncoders.Base64UrlDecode(t)[0]));
        Assert.Equal(HttpStatusCode.Redirect, (await SetLanguageAsync(browser, first)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SetLanguageAsync(browser, second)).StatusCode);
    }

    [Fact]
    public async Task AToken_WithAnotherBrowsersCookies_IsRefused()
    {
        var mine = await SiteClient.SignedInAsync(site, (await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee)).Email!, SiteClient.TestPassword);
        var theirs = await SiteClient.SignedInAsync(site, (await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee)).Email!, SiteClient.TestPassword);

        var response = await SetLanguageAsync(theirs, await TokenOfAsync(mine));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AChangedToken_IsRefused()
    {
        var browser = await SiteClient.SignedInAsync(site, (await site.PersonAsync(ChangeAgentAcademy.Security.Roles.Trainee)).Email!, SiteClient.TestPassword);
        var bytes = WebEncoders.Base64UrlDecode(await TokenOfAsync(browser));
        bytes[bytes.Length / 2] ^= 0x20;

        var response = await SetLanguageAsync(browser, WebEncoders.Base64UrlEncode(bytes));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string> TokenOfAsync(SiteClient browser) =>
        WebUtility.HtmlDecode(TokenPattern().Match(await browser.GetStringAsync("/learn")).Groups[1].Value);

    private static Task<HttpResponseMessage> SetLanguageAsync(SiteClient browser, string token) =>
        browser.Http.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["language"] = "sv",
            ["returnUrl"] = "/learn",
            ["__RequestVerificationToken"] = token,
        }));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteMaskedAntiforgeryTokenTests(SqliteSite site) : MaskedAntiforgeryTokenTests<SqliteSite>(site);

public sealed class PostgresMaskedAntiforgeryTokenTests(PostgresSite site) : MaskedAntiforgeryTokenTests<PostgresSite>(site);
