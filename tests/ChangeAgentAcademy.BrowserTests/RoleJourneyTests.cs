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
    [InlineData("admin@demo.local", "admin", new[] { "/", "/learn", "/learn/kit", "/cohorts", "/supervision", "/workshops", "/calendar", "/curriculum/admin", "/admin/people", "/admin/teams", "/admin/jobs", "/admin/audit", "/privacy", "/programme", "/certificates", "/outcomes/rules", "/account/data" }, new[] { "/team", "/review", "/reflections" })]
    [InlineData("trainer1@demo.local", "trainer", new[] { "/", "/learn", "/learn/kit", "/cohorts", "/review", "/supervision", "/workshops", "/calendar", "/curriculum/admin", "/account/data" }, new[] { "/team", "/admin/people", "/admin/jobs", "/admin/audit", "/privacy", "/programme" })]
    [InlineData("leader1@demo.local", "leader", new[] { "/", "/learn", "/learn/kit", "/reflections", "/logs", "/supervision", "/workshops", "/calendar", "/team", "/enrol", "/account/data" }, new[] { "/programme", "/admin/audit", "/cohorts", "/review", "/curriculum/admin", "/admin/people", "/admin/jobs" })]
    [InlineData("trainee1@demo.local", "trainee", new[] { "/", "/learn", "/learn/kit", "/reflections", "/logs", "/supervision", "/workshops", "/calendar", "/enrol", "/account/data" }, new[] { "/programme", "/privacy", "/cohorts", "/team", "/review", "/curriculum/admin", "/admin/people", "/admin/jobs" })]
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
        await BrowserSite.SignInAtAsync(page, email, url);

        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, name);
    }

    [Fact]
    public async Task PersonForm_ValidationErrors_ShownAccessiblyWithTypedTextKept()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(page, "admin@demo.local", "/admin/people/new");

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

    /// <summary>
    /// The phone, without JavaScript: the header is one row with a menu button, which opens and closes by keyboard;
    /// no page in the role's menu scrolls sideways, nor does any table in it (Finnish and Danish have the longest words).
    /// </summary>
    [Theory]
    [InlineData("admin@demo.local", "en")]
    [InlineData("trainer1@demo.local", "fi")]
    [InlineData("leader1@demo.local", "da")]
    [InlineData("trainee1@demo.local", "fi")]
    public async Task Phone_OneRowHeader_MenuOpensByKeyboardWithoutJavaScript_NoMenuPageScrollsSideways(string email, string language)
    {
        var context = await site.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 780 }, Locale = "en-GB", JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await BrowserSite.SignInAsync(page, email);
        await site.UseLanguageAsync(page, language);
        await page.GotoAsync("/");
        var nav = page.Locator("nav.main-nav");
        var summary = page.Locator(".menu-toggle summary");

        var header = await page.Locator("header.site-header").BoundingBoxAsync();
        Assert.InRange(header!.Height, 40, 120);
        await Assertions.Expect(nav).ToBeHiddenAsync();
        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(nav).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(nav).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(nav).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#language-select")).ToBeVisibleAsync();
        await BrowserSite.ScreenshotAsync(page, $"menu-open-{language}");

        var links = await nav.Locator("a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        var sideways = new List<string>();
        foreach (var link in links)
        {
            await page.GotoAsync(link);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, ...[...document.querySelectorAll('.table-wrap, .card')].map(e => e.scrollWidth - e.clientWidth)]");
            if (widths[0] > widths[1] || widths.Skip(2).Any(w => w > 1))
            {
                sideways.Add($"{link}: page {widths[0]} in {widths[1]} px, overflowing boxes {string.Join(",", widths.Skip(2).Where(w => w > 1))}");
            }
        }

        Assert.True(links.Length >= 8, $"menu: {string.Join(" ", links)}");
        Assert.True(sideways.Count == 0, $"{email} ({language}) at 360 px:\n" + string.Join("\n", sideways));
        await context.CloseAsync();
    }

    /// <summary>Axe in Danish (desktop) and Finnish (phone) on a representative set: the sign-in page, a start page, the
    /// pages with the longest labels and stacked tables. Kept small: each scan costs seconds.</summary>
    [Theory]
    [InlineData("da", 1280, "trainee1@demo.local", true, new[] { "/", "/reflections", "/workshops" })]
    [InlineData("fi", 360, "trainer1@demo.local", true, new[] { "/cohorts/8d3c2f1e-0a4b-4c6d-9e8f-000000000001", "/curriculum/admin" })]
    [InlineData("fi", 360, "leader1@demo.local", false, new[] { "/team" })]
    public async Task DanishAndFinnishPages_AreAccessible(string language, int width, string email, bool signInPage, string[] urls)
    {
        var page = await site.NewPageAsync(width);
        await site.UseLanguageAsync(page, language);
        if (signInPage)
        {
            await page.GotoAsync("/account/signin");
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await BrowserSite.AssertAccessibleAsync(page);
        }

        await site.UseLanguageAsync(page, "en"); // the sign-in helper reads the English labels
        await BrowserSite.SignInAsync(page, email);
        await site.UseLanguageAsync(page, language); // signing in sets the person's own language
        foreach (var url in urls)
        {
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
            await BrowserSite.AssertAccessibleAsync(page);
        }

        await BrowserSite.ScreenshotAsync(page, $"{language}-{urls[^1].Trim('/').Replace('/', '-')}");
    }
}
