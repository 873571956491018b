using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

public sealed class RoleJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task SignInPage_IsAccessible_AndListsDemoAccounts()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/signin");

        await BrowserSite.AssertAccessibleAsync(page);
        Assert.Contains("trainee12@demo.local", await page.ContentAsync());
        await BrowserSite.ScreenshotAsync(page, "signin");
    }

    [Theory]
    [InlineData("admin@demo.local", "admin", new[] { "/", "/learn", "/learn/kit", "/cohorts", "/supervision", "/workshops", "/curriculum/admin", "/admin/people", "/admin/teams", "/admin/jobs" }, new[] { "/team", "/review", "/reflections" })]
    [InlineData("trainer1@demo.local", "trainer", new[] { "/", "/learn", "/learn/kit", "/cohorts", "/review", "/supervision", "/workshops", "/curriculum/admin" }, new[] { "/team", "/admin/people", "/admin/jobs" })]
    [InlineData("leader1@demo.local", "leader", new[] { "/", "/learn", "/learn/kit", "/reflections", "/logs", "/supervision", "/workshops", "/team", "/enrol" }, new[] { "/cohorts", "/review", "/curriculum/admin", "/admin/people", "/admin/jobs" })]
    [InlineData("trainee1@demo.local", "trainee", new[] { "/", "/learn", "/learn/kit", "/reflections", "/logs", "/supervision", "/workshops", "/enrol" }, new[] { "/cohorts", "/team", "/review", "/curriculum/admin", "/admin/people", "/admin/jobs" })]
    public async Task EachRole_SignsIn_SeesOwnNavigation_StartPageAccessible(string email, string name, string[] visible, string[] hidden)
    {
        var page = await site.NewPageAsync();

        await BrowserSite.SignInAsync(page, email);
        var links = await page.Locator("nav.main-nav a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");

        Assert.Equal(visible.Order(), links.Order());
        Assert.Empty(hidden.Intersect(links));
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, $"start-{name}");
    }

    [Theory]
    [InlineData("admin@demo.local", "/admin/people", "people")]
    [InlineData("admin@demo.local", "/admin/teams", "teams")]
    [InlineData("admin@demo.local", "/admin/people/new", "person-new")]
    [InlineData("admin@demo.local", "/admin/people/import", "people-import")]
    [InlineData("trainer1@demo.local", "/cohorts", "cohorts")]
    [InlineData("trainer1@demo.local", "/cohorts/" + "8d3c2f1e-0a4b-4c6d-9e8f-000000000001", "cohort")]
    [InlineData("leader1@demo.local", "/team", "team")]
    [InlineData("trainee1@demo.local", "/account/password", "change-password")]
    [InlineData("trainee1@demo.local", "/admin/people", "error-403")]
    [InlineData("trainee1@demo.local", "/no/such/page", "error-404")]
    public async Task RolePages_AreAccessible(string email, string url, string name)
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAsync(page, email);

        await page.GotoAsync(url);

        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, name);
    }

    [Fact]
    public async Task PersonForm_ValidationErrors_ShownAccessiblyWithTypedTextKept()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAsync(page, "admin@demo.local");
        await page.GotoAsync("/admin/people/new");

        await page.GetByLabel("Name").FillAsync("Ulla Uusi");
        await page.GetByLabel("E-mail").FillAsync("not-an-address");
        await page.GetByLabel("Participant").UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Choose at least one role.");
        await Assertions.Expect(page.GetByLabel("Name")).ToHaveValueAsync("Ulla Uusi");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "person-new-errors");
    }

    [Fact]
    public async Task LanguageSwitcher_Swedish_TranslatesThePage()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/signin");

        await page.GetByLabel("Language").SelectOptionAsync("sv");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "sv");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Logga in");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "signin-sv");
    }
}
