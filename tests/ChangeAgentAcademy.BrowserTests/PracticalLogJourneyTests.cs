using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

public sealed class PracticalLogJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Trainee_LogsAPdsaTest_DecisionMissingIsExplained_ThenSaved()
    {
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, "trainee9@demo.local", "/logs");
        await BrowserSite.AssertAccessibleAsync(page);
        await page.GetByLabel("Kind of log").SelectOptionAsync("pdsa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a log" }).ClickAsync();

        await Assertions.Expect(page.Locator(".rubric")).ToHaveCountAsync(0); // the demo trainee has no open PDSA assignment yet: nothing to be reviewed against
        await page.GetByLabel("Title").FillAsync("Checklist on the medicine trolley");
        await page.GetByLabel("Aim").FillAsync("Fewer missed morning medicines");
        await page.GetByLabel("Measure").FillAsync("Missed doses per week");
        await page.GetByLabel("Change", new() { Exact = true }).FillAsync("A checklist on the trolley");
        await page.GetByLabel("Prediction").FillAsync("Half as many misses");
        await page.GetByLabel("Plan", new() { Exact = true }).FillAsync("Two weeks on one corridor");
        await page.GetByLabel("What happened").FillAsync("From six to two");
        await page.GetByLabel("What I learned").FillAsync("It works when the night shift fills it in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hand in as my practical assignment" }).ClickAsync();

        await Assertions.Expect(page.Locator("#errors")).ToContainTextAsync("a PDSA test ends with a decision");
        await Assertions.Expect(page.GetByLabel("What happened")).ToHaveValueAsync("From six to two");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "pdsa-log-error");

        await page.GetByLabel("Adapt: change it and test again").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice").First).ToContainTextAsync("Your log is saved.");
        await BrowserSite.ScreenshotAsync(page, "pdsa-log");
        await page.GotoAsync("/logs");
        await Assertions.Expect(page.Locator(".item-list")).ToContainTextAsync("Checklist on the medicine trolley");
        await BrowserSite.ScreenshotAsync(page, "logs");
    }

    [Fact]
    public async Task Trainee_WithAnOpenPdsaAssignment_SeesItsRubricWhileWritingTheLog()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        await site.WithScopeAsync(async (_, db) =>
        {
            // an open PDSA assignment, as the dispatcher releases it in week four
            db.Set<AssignmentWork>().Add(new AssignmentWork { ScheduledId = -Random.Shared.NextInt64(1, long.MaxValue), CohortId = Guid.NewGuid(), UserId = person.Id, LessonKey = "m4-pdsa/practical", ReleasedUtc = DateTime.UtcNow, DueUtc = DateTime.UtcNow.AddDays(14), Status = WorkStatus.Open });
            return await db.SaveChangesAsync();
        });
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, person.Email!, "/logs", SiteClient.TestPassword);
        await page.GetByLabel("Kind of log").SelectOptionAsync("pdsa");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a log" }).ClickAsync();

        await Assertions.Expect(page.Locator(".rubric h2")).ToContainTextAsync("Rubric: a PDSA test in your workplace");
        await Assertions.Expect(page.Locator(".rubric-guidance")).ToHaveCountAsync(0);
        // On a phone the rubric is folded to one line above the form, and opens with a tap.
        await Assertions.Expect(page.Locator(".rubric table")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".rubric-fold > summary")).ToContainTextAsync("Criteria and levels (4)");
        // The decision's three choices stand one under another, each on its own line.
        var tops = new List<float>();
        foreach (var choice in await page.Locator("#f-Decision label").AllAsync()) { tops.Add((await choice.BoundingBoxAsync())!.Y); }
        Assert.Equal(3, tops.Distinct().Count());
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "pdsa-log-rubric");
    }
}
