using System.Diagnostics;
using System.Net;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Two nodes on one PostgreSQL database, the data-protection keys in that database (as the site keeps them, nothing
/// configured by the test): a session ended on one node is refused by the other within the refresher's second,
/// although that node had checked and remembered it; a form fetched from one node is accepted by the other.
/// </summary>
public sealed class TwoNodeSessionTests : IAsyncLifetime
{
    private sealed class FirstNode : PostgresSite;

    private sealed class SecondNode(string connectionString) : SiteFactory
    {
        public override string Provider => "PostgreSql";

        protected override string ConnectionString => connectionString;

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Jobs:RunServer", "false")];
    }

    private readonly FirstNode first = new();
    private SecondNode? second;

    public async Task InitializeAsync()
    {
        await first.InitializeAsync();
        second = new SecondNode(first.DatabaseConnectionString);
        await second.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        if (second is not null)
        {
            await second.DisposeAsync();
        }

        await ((IAsyncLifetime)first).DisposeAsync();
    }

    [Fact]
    public async Task SignOutOnOneNode_TheOtherNodeRefusesTheSessionWithinTwoSeconds()
    {
        var person = await first.PersonAsync(Roles.Trainee);
        var owner = SiteClient.For(first);
        var signIn = await owner.SignInAsync(person.Email!, SiteClient.TestPassword);
        var cookie = signIn.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("caa.session=", StringComparison.Ordinal)).Split(';')[0];
        var other = second!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        other.DefaultRequestHeaders.Add("Cookie", cookie);
        var before = await other.GetAsync("/learn");
        var remembered = await other.GetAsync("/learn");

        await owner.PostFormAsync("/", "/account/signout", new Dictionary<string, string>());
        var watch = Stopwatch.StartNew();
        HttpStatusCode after;
        do
        {
            after = (await other.GetAsync("/learn")).StatusCode;
        }
        while (after == HttpStatusCode.OK && watch.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, remembered.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"refused only after {watch.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task FormFetchedFromOneNode_IsAcceptedByTheOther_AndBothShareOneKeyRing()
    {
        var person = await first.PersonAsync(Roles.Trainee);
        var owner = SiteClient.For(first);
        await owner.SignInAsync(person.Email!, SiteClient.TestPassword);
        var page = await owner.GetAsync("/account/password");
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var sent = string.Join("; ", page.RequestMessage!.Headers.TryGetValues("Cookie", out var c) ? c : []);
        var other = second!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        other.DefaultRequestHeaders.Add("Cookie", sent);

        var posted = await other.PostAsync("/account/signout", new FormUrlEncodedContent([new("__RequestVerificationToken", System.Net.WebUtility.HtmlDecode(token))]));
        var keys = await first.WithScopeAsync((_, db) => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DataProtectionKeys));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEmpty(sent);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith("/account/signin", posted.Headers.Location!.OriginalString);
        Assert.Equal(1, keys);
    }
}
