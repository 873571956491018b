using ChangeAgentAcademy.TestIdentityProvider;
using Microsoft.Playwright;
using Idp = ChangeAgentAcademy.TestIdentityProvider.TestIdentityProvider;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>The site and the test OpenID Connect provider, each on its own loopback port; the browser goes between them.</summary>
public sealed class DirectoryBrowserSite : BrowserSite
{
    public Idp Directory { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Directory = await Idp.StartAsync();
        await base.InitializeAsync();
        await Directory.AddSitesAsync(new Uri(BaseUrl.TrimEnd('/') + "/"));
    }

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
    [
        new("Authentication:OpenIdConnect:Authority", Directory.Authority.ToString()),
        new("Authentication:OpenIdConnect:ClientId", Idp.ClientId),
        new("Authentication:OpenIdConnect:ClientSecret", Idp.ClientSecret),
        new("Authentication:OpenIdConnect:Scopes", "openid profile email groups"),
        new("Authentication:OpenIdConnect:DisplayName", "Kommunens konto"),
        new("Authentication:OpenIdConnect:RequireHttpsMetadata", "false"),
        new("Authentication:RoleMap:academy-trainees", "Trainee"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Directory.DisposeAsync();
    }
}

public sealed class DirectorySignInJourneyTests(DirectoryBrowserSite site) : IClassFixture<DirectoryBrowserSite>
{
    [Fact]
    public async Task SignInWithTheDirectory_EndToEnd_ThenSignOutOfBoth()
    {
        site.Directory.User = new TestUser("browser-1", "britt@municipality.example", true, "Britt Browser", ["academy-trainees"]);
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "signin-directory");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Kommunens konto" }).ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(site.BaseUrl, StringComparison.Ordinal) && !url.Contains("/account/"), new() { Timeout = 30_000 });
        await page.Locator("nav.main-nav").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var start = await page.Locator("main").InnerTextAsync();
        await BrowserSite.AssertAccessibleAsync(page);

        var endSessions = site.Directory.EndSessions.Count;
        await page.Locator("form[action='/account/signout'] button").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/signin"), new() { Timeout = 30_000 });
        var learn = await page.GotoAsync("/learn");

        Assert.Contains("Britt", start);
        Assert.Single(site.Directory.Authorizations);
        Assert.Equal(endSessions + 1, site.Directory.EndSessions.Count);
        Assert.Contains("/account/signin", learn!.Url);
    }
}
