using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>The draft autosave keeps the text and names at once what could identify a citizen (the JSON's citizenData).</summary>
public sealed class CitizenDataAutosaveTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Autosave_WithACitizensName_SavedAndNamedInTheStatusLine()
    {
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, "trainee5@demo.local", "/reflections");
        await page.GetByRole(AriaRole.Link, new() { Name = "Authority and co-creation" }).ClickAsync();

        var text = page.GetByLabel("Your text");
        await text.FillAsync("When Gunnel Andersson i hemtjänsten was given her medicine late, I wanted to decide alone.");
        await text.BlurAsync();

        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("Draft saved");
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("could identify a citizen");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "reflection-autosave-citizen");
    }
}
