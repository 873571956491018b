using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>The kit pages for a trainer and a trainee: listed for the role, readable, accessible, at phone and desktop width.</summary>
public sealed class KitJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Trainer_OpensKitGuideAndGlossary_FromTheMenu()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAsync(page, "trainer1@demo.local");

        await page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Kit" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Kit");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "kit-trainer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Three-hour future workshop run sheet" }).ClickAsync();
        await Assertions.Expect(page.Locator("article table")).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "kit-guide");

        await page.GotoAsync("/learn/kit/glossary");
        await Assertions.Expect(page.Locator("dl.glossary dt#co-creation")).ToHaveTextAsync("Co-creation");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "kit-glossary");

        await page.GotoAsync("/learn/m4-pdsa/practical");
        await Assertions.Expect(page.Locator(".rubric-guidance")).ToBeVisibleAsync();
        await BrowserSite.ScreenshotAsync(page, "rubric-trainer");
    }

    [Fact]
    public async Task Trainee_SeesWorksheetsNotGuides_RubricObjectivesAndCompletion()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, person.Email!, "/learn/kit", SiteClient.TestPassword);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "PDSA worksheet with run chart" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Facilitator guides")).ToHaveCountAsync(0);
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "kit-trainee");
        await page.GetByRole(AriaRole.Link, new() { Name = "PDSA worksheet with run chart" }).ClickAsync();
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "kit-worksheet");

        await page.GotoAsync("/learn/m4-pdsa/practical");
        await Assertions.Expect(page.Locator(".rubric table")).ToContainTextAsync("The three questions");
        await Assertions.Expect(page.Locator(".rubric-guidance")).ToHaveCountAsync(0);
        // On a phone the rubric is folded to one line (the stacked table is screens long) and opens with a tap.
        await Assertions.Expect(page.Locator(".rubric table")).ToBeHiddenAsync();
        await page.Locator(".rubric-fold > summary").ClickAsync();
        await Assertions.Expect(page.Locator(".rubric table")).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "rubric-assignment");
        await page.SetViewportSizeAsync(1280, 900);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".rubric table")).ToBeVisibleAsync(); // open as it was on a wide screen
        await page.SetViewportSizeAsync(360, 780);

        await page.GotoAsync("/learn/m4-pdsa");
        await Assertions.Expect(page.Locator(".objectives li").First).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "module-objectives");

        await page.GotoAsync("/learn");
        await Assertions.Expect(page.Locator(".completion")).ToContainTextAsync("Completing the change agent track");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "learn-completion");
    }
}
