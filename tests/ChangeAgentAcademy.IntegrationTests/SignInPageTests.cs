using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Issue 18: the anonymous sign-in page is rendered once per language and reused with each request's own antiforgery
/// token and cookie. Every visitor still gets a working, fresh token; the language, a return address and a flash
/// message still show; a signed-in visitor gets the full layout.
/// </summary>
public abstract partial class SignInPageTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task Anonymous_EachVisitorGetsAFreshToken_OnAnOtherwiseIdenticalPage_AndCanSignIn()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var first = await Visit(Client());
        var second = await Visit(Client());
        var third = Client();
        var thirdPage = await Visit(third);

        Assert.NotEqual(first.Token, second.Token);
        Assert.NotEqual(second.Token, thirdPage.Token);
        Assert.Equal(first.Body.Replace(first.Token, "T", StringComparison.Ordinal), second.Body.Replace(second.Token, "T", StringComparison.Ordinal));
        Assert.Equal(2, TokenPattern().Matches(second.Body).Count); // the language form and the sign-in form
        Assert.Contains("<html lang=\"en\">", second.Body);
        Assert.All([first, second, thirdPage], p => Assert.Contains(".AspNetCore.Antiforgery.", p.Cookie));
        Assert.All([first, second, thirdPage], p => Assert.Equal("DENY", p.Response.Headers.GetValues("X-Frame-Options").Single()));
        Assert.All([first, second, thirdPage], p => Assert.Contains("frame-ancestors 'none'", string.Join(" ", p.Response.Headers.GetValues("Content-Security-Policy"))));
        Assert.All([first, second, thirdPage], p => Assert.Contains("no-store", p.Response.Headers.CacheControl!.ToString()));

        var signIn = await third.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = person.Email!, ["Password"] = SiteClient.TestPassword, ["__RequestVerificationToken"] = thirdPage.Token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("caa.session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_AnotherVisitorsToken_IsRefused()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        await Visit(Client());
        var other = await Visit(Client());
        var me = Client();
        await Visit(me);

        var signIn = await me.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = person.Email!, ["Password"] = SiteClient.TestPassword, ["__RequestVerificationToken"] = other.Token,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
    }

    [Fact]
    public async Task Anonymous_EachLanguage_ItsOwnPage()
    {
        var english = await Visit(Client());
        var swedish = await Visit(Client("sv"));
        var finnish = await Visit(Client("fi"));
        var swedishAgain = await Visit(Client("sv"));

        Assert.Contains("<html lang=\"en\">", english.Body);
        Assert.Contains("<html lang=\"sv\">", swedish.Body);
        Assert.Contains("<html lang=\"fi\">", finnish.Body);
        Assert.Contains("<html lang=\"sv\">", swedishAgain.Body);
        Assert.Contains("<option value=\"sv\" lang=\"sv\" selected=\"selected\">", swedishAgain.Body);
        Assert.NotEqual(Title(english.Body), Title(swedish.Body));
        Assert.Equal(Title(swedish.Body), Title(swedishAgain.Body));
    }

    [Fact]
    public async Task Anonymous_WithAReturnAddress_KeepsItInTheForms()
    {
        await Visit(Client());
        var page = await Visit(Client(), "/account/signin?returnUrl=%2Flearn");

        Assert.Contains("name=\"ReturnUrl\" value=\"/learn\"", page.Body);
        Assert.Contains("name=\"returnUrl\" value=\"/account/signin?returnUrl=%2Flearn\"", page.Body);
        Assert.DoesNotContain("name=\"ReturnUrl\" value=\"/learn\"", (await Visit(Client())).Body);
    }

    [Fact]
    public async Task Anonymous_AnotherSpellingOfThePath_NamesItsOwnPathInTheLanguageForm()
    {
        await Visit(Client());
        var page = await Visit(Client(), "/Account/SignIn");
        var canonical = await Visit(Client());

        Assert.Contains("name=\"returnUrl\" value=\"/Account/SignIn\"", page.Body);
        Assert.Contains("name=\"returnUrl\" value=\"/account/signin\"", canonical.Body);
    }

    [Fact]
    public async Task Anonymous_AfterSigningOutEverywhere_TheFlashMessageShows_ThenIsGone()
    {
        await Visit(Client());
        var person = await site.PersonAsync(Roles.Trainee);
        var signedIn = SiteClient.For(site);
        await signedIn.SignInAsync(person.Email!, SiteClient.TestPassword);

        // Signing out everywhere leaves a flash for the sign-in page it redirects to.
        var account = await signedIn.PostFormAsync("/account/password", "/account/signout-everywhere", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        var flashed = await signedIn.GetStringAsync("/account/signin");
        var after = await signedIn.GetStringAsync("/account/signin");

        Assert.Contains("class=\"notice\" role=\"status\"", flashed);
        Assert.DoesNotContain("class=\"notice\" role=\"status\"", after);
    }

    [Fact]
    public async Task SignedIn_GetsTheFullLayout_NotTheAnonymousPage()
    {
        await Visit(Client());
        var client = await SiteClient.SignedInAsync(site, "trainee1@demo.local");
        var page = await client.GetStringAsync("/account/signin");

        Assert.Contains("main-nav", page);
        Assert.Contains("/account/signout", page);
    }

    private HttpClient Client(string? language = null)
    {
        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (language is not null)
        {
            client.DefaultRequestHeaders.Add("Accept-Language", language);
        }

        return client;
    }

    private static async Task<Page> Visit(HttpClient client, string url = "/account/signin")
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.FirstOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)) : null;
        if (cookie is not null && !client.DefaultRequestHeaders.Contains("Cookie"))
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        }

        return new Page(response, body, WebUtility.HtmlDecode(TokenPattern().Match(body).Groups[1].Value), cookie ?? string.Empty);
    }

    private static string Title(string body) => Regex.Match(body, "<title>([^<]*)</title>").Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed record Page(HttpResponseMessage Response, string Body, string Token, string Cookie);
}

public sealed class SqliteSignInPageTests(SqliteSite site) : SignInPageTests<SqliteSite>(site);

public sealed class PostgresSignInPageTests(PostgresSite site) : SignInPageTests<PostgresSite>(site);
