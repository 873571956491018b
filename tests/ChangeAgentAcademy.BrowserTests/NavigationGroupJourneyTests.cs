using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>
/// The administrator's menu: the site-management pages sit behind one "Administration" disclosure, so the menu takes at
/// most two rows at desktop width in every language (it took three), and the group opens and closes by keyboard.
/// </summary>
public sealed class NavigationGroupJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private static readonly string[] AdministrationLinks =
        ["/curriculum/admin", "/certificates", "/privacy", "/outcomes/rules", "/admin/people", "/admin/teams", "/admin/audit", "/admin/jobs"];

    [Theory]
    [InlineData("en", "Administration")]
    [InlineData("sv", "Administration")]
    [InlineData("da", "Administration")]
    [InlineData("fi", "Ylläpito")]
    public async Task Administrator_MenuAtMostTwoRows_GroupOpensByKeyboard_EscapeClosesIt(string language, string groupName)
    {
        var page = await site.NewPageAsync(1280);
        await BrowserSite.SignInAsync(page, "admin@demo.local");
        await site.UseLanguageAsync(page, language);
        await page.GotoAsync("/");

        var nav = page.Locator("nav.main-nav");
        var rows = await nav.Locator(":scope > .container > ul > li").EvaluateAllAsync<double[]>("els => els.map(e => e.getBoundingClientRect().top)");
        Assert.InRange(rows.Distinct().Count(), 1, 2);

        var group = nav.Locator(".nav-group details");
        var summary = group.Locator("summary");
        Assert.Equal(groupName, (await summary.InnerTextAsync()).Trim());
        var inside = await group.Locator("a").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))");
        Assert.Equal(AdministrationLinks.Order(), inside.Order());
        await Assertions.Expect(group.GetByRole(AriaRole.Link).First).ToBeHiddenAsync();

        await summary.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(group.GetByRole(AriaRole.Link).First).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, $"menu-administration-{language}");

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(group.GetByRole(AriaRole.Link).First).ToBeHiddenAsync();
        Assert.Equal("SUMMARY", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));

        await page.Keyboard.PressAsync("Enter");
        await group.Locator("a[href='/admin/people']").ClickAsync();
        await page.WaitForURLAsync("**/admin/people");
        Assert.Contains("nav-group-current", await summary.GetAttributeAsync("class") ?? "");
        Assert.Equal("page", await group.Locator("a[href='/admin/people']").GetAttributeAsync("aria-current"));
    }

    [Fact]
    public async Task Trainer_WithOneManagementPage_SeesItAsAPlainLink()
    {
        var page = await site.NewPageAsync(1280);
        await BrowserSite.SignInAsync(page, "trainer1@demo.local");

        var nav = page.Locator("nav.main-nav");
        Assert.Equal(0, await nav.Locator(".nav-group").CountAsync());
        await Assertions.Expect(nav.Locator("a[href='/curriculum/admin']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Phone_AdministrationGroup_OpensInsideTheMenuList()
    {
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, "admin@demo.local", "/");

        await page.Locator(".menu-toggle summary").ClickAsync();
        await page.Locator(".nav-group summary").ClickAsync();
        var people = page.Locator(".nav-group a[href='/admin/people']");
        await Assertions.Expect(people).ToBeVisibleAsync();
        var box = await people.BoundingBoxAsync();
        Assert.True(box!.X + box.Width <= 360, "the group's links stay inside the phone's width");
        await BrowserSite.ScreenshotAsync(page, "menu-administration-phone");
    }
}
