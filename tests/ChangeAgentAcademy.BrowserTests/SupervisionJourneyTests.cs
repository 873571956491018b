using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>A supervisor runs a session of the demo group: the calendar with the rotation, attendance, notes; a member sees the notes and the evaluation page.</summary>
public sealed class SupervisionJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Supervisor_RunsSessionWithRotationAndAttendance_MemberReadsNotes()
    {
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, "trainer2@demo.local", "/supervision");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "supervision-groups");

        await page.GetByRole(AriaRole.Link, new() { Name = "Solgården supervision group" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Solgården supervision group");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "supervision-group");

        await page.Locator("a[href*='/sessions/']").First.ClickAsync();
        var sessionUrl = page.Url;
        var presenter = (await page.Locator("#presenters").InnerTextAsync()).Trim();
        Assert.False(string.IsNullOrEmpty(presenter) || presenter == "–");
        await page.GetByLabel("Notes from the session (Markdown)").FillAsync("We talked about **keeping the frame** when time runs short.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save notes" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Notes saved");
        await Assertions.Expect(page.Locator("#notes strong")).ToHaveTextAsync("keeping the frame");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "supervision-session");

        await page.GotoAsync("/supervision/new");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "supervision-new");

        var member = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(member, "trainee1@demo.local", sessionUrl);
        await Assertions.Expect(member.Locator("#notes")).ToContainTextAsync("keeping the frame");
        await member.GotoAsync(sessionUrl.Split("/sessions/")[0] + "/evaluation");
        await BrowserSite.AssertAccessibleAsync(member);
        await BrowserSite.ScreenshotAsync(member, "supervision-evaluation");

        var leader = await site.NewPageAsync();
        await BrowserSite.SignInAsync(leader, "leader1@demo.local");
        var response = await leader.GotoAsync(sessionUrl);
        Assert.Equal(404, response!.Status);
    }
}
