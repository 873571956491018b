using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

public sealed class CurriculumJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Trainee_ReadsLesson_MarksDone_ProgressBarMoves()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, person.Email!, "/learn", SiteClient.TestPassword);
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "learn");
        await page.GetByRole(AriaRole.Link, new() { Name = "Continue: Co-creation versus involvement" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Co-creation versus involvement");
        var bar = page.Locator(".lesson-footer [role=progressbar]");
        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuenow", "0");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "lesson");

        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as done" }).ClickAsync();

        await Assertions.Expect(bar).ToHaveAttributeAsync("aria-valuenow", "25");
        await Assertions.Expect(page.GetByText("1 of 4 lessons done").First).ToBeVisibleAsync();
        await page.GotoAsync("/learn/m1-role-and-mandate");
        await Assertions.Expect(page.Locator(".item-list li.done")).ToHaveCountAsync(1);
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "module");
    }

    [Fact]
    public async Task Author_EditsWithLivePreview_Publishes_ReaderSeesIt()
    {
        const string Edit = "/curriculum/admin/edit/m6-future-workshops/l2-facilitation/en";
        var author = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(author, "trainer2@demo.local", "/curriculum/admin");
        await BrowserSite.AssertAccessibleAsync(author);
        await BrowserSite.ScreenshotAsync(author, "authoring");

        await author.GotoAsync(Edit);
        var text = author.GetByLabel("Text (Markdown)");
        await text.PressAsync("Control+End");
        await text.PressSequentiallyAsync("\n\n## A section added in the browser\n\nNever start a workshop without coffee.");
        await Assertions.Expect(author.Locator("#preview h2#md-a-section-added-in-the-browser")).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(author);
        await BrowserSite.ScreenshotAsync(author, "lesson-edit");
        await author.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(author.Locator(".notice")).ToContainTextAsync("is published");

        await author.GotoAsync("/curriculum/admin/history/m6-future-workshops/l2-facilitation/en");
        await BrowserSite.AssertAccessibleAsync(author);
        await BrowserSite.ScreenshotAsync(author, "lesson-history");
        await author.GetByRole(AriaRole.Button, new() { Name = "Compare" }).ClickAsync();
        await Assertions.Expect(author.Locator(".diff-added").Last).ToContainTextAsync("Never start a workshop without coffee.");
        await BrowserSite.AssertAccessibleAsync(author);
        await BrowserSite.ScreenshotAsync(author, "lesson-diff");

        var reader = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(reader, "trainee7@demo.local", "/learn/m6-future-workshops/l2-facilitation");
        await Assertions.Expect(reader.Locator("article")).ToContainTextAsync("Never start a workshop without coffee.");
    }
}
