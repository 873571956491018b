using ChangeAgentAcademy.Cohorts.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

public sealed class EnrolmentJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private Task<string> CohortAsync(string name, int capacity) =>
        site.WithScopeAsync(async (_, db) =>
        {
            var id = Guid.NewGuid();
            db.Set<Cohort>().Add(new Cohort { Id = id, Name = name, Capacity = capacity, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14), CreatedUtc = DateTime.UtcNow });
            var trainer = await db.Users.Where(u => u.Email == "trainer1@demo.local").Select(u => u.Id).FirstAsync();
            db.Set<CohortTrainer>().Add(new CohortTrainer { CohortId = id, UserId = trainer });
            await db.SaveChangesAsync();
            return id.ToString();
        });

    /// <summary>
    /// The demo's trainees hold places in the running demo cohort, and a person has one running cohort per
    /// track: these journeys are about people who have finished theirs (their place there ends).
    /// </summary>
    private Task FinishedTheirCohortAsync(params string[] emails) =>
        site.WithScopeAsync(async (_, db) =>
        {
            var ids = await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => u.Id).ToListAsync();
            await db.Set<CohortMember>().Where(m => ids.Contains(m.UserId)).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MemberStatus.Withdrawn));
            return true;
        });

    [Fact]
    public async Task Leader_EnrolsTwoTeamMembers()
    {
        var cohort = await CohortAsync("Pilot cohort", 10);
        await FinishedTheirCohortAsync("trainee1@demo.local", "trainee2@demo.local");
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(page, "leader1@demo.local", "/team");
        await BrowserSite.AssertAccessibleAsync(page);

        await page.GetByLabel("Choose Sara Lindgren").CheckAsync();
        await page.GetByLabel("Choose Ahmed Hassan").CheckAsync();
        await page.GetByLabel("Enrol the chosen people in").First.SelectOptionAsync(cohort);
        await page.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true }).First.ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("2 enrolled, 0 on the waiting list");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "team-enrolled");
    }

    [Fact]
    public async Task Trainee_Requests_LeaderApproves()
    {
        await CohortAsync("Request cohort", 10);
        await FinishedTheirCohortAsync("trainee8@demo.local");
        var trainee = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(trainee, "trainee8@demo.local", "/enrol");
        await BrowserSite.AssertAccessibleAsync(trainee);
        await trainee.GetByRole(AriaRole.Button, new() { Name = "Ask for a place in Request cohort" }).ClickAsync();
        await Assertions.Expect(trainee.Locator(".notice")).ToContainTextAsync("Your request is sent");
        await BrowserSite.ScreenshotAsync(trainee, "enrol");

        var leader = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(leader, "leader2@demo.local", "/team");
        await Assertions.Expect(leader.Locator(".requests")).ToContainTextAsync("Lars Kristensen asks for a place in Request cohort");
        await BrowserSite.AssertAccessibleAsync(leader);
        await BrowserSite.ScreenshotAsync(leader, "team-request");
        await leader.GetByLabel("Message to Lars Kristensen (optional)").FillAsync("Good luck!");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".notice")).ToContainTextAsync("approved");

        await trainee.GotoAsync("/enrol");
        await Assertions.Expect(trainee.Locator("#places-heading + ul")).ToContainTextAsync("Request cohort · Enrolled");
    }

    [Fact]
    public async Task Waitlist_PromotesWhenSomeoneWithdraws()
    {
        var cohort = await CohortAsync("Small cohort", 1);
        await FinishedTheirCohortAsync("trainee9@demo.local", "trainee10@demo.local");
        var leader = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(leader, "leader2@demo.local", "/team");
        await leader.GetByLabel("Choose Aino Korhonen").CheckAsync();
        await leader.GetByLabel("Choose Mette Poulsen").CheckAsync();
        await leader.GetByLabel("Enrol the chosen people in").First.SelectOptionAsync(cohort);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Enrol", Exact = true }).First.ClickAsync();
        await Assertions.Expect(leader.Locator(".notice")).ToContainTextAsync("1 enrolled, 1 on the waiting list");

        var waiting = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(waiting, "trainee10@demo.local", "/enrol");
        await Assertions.Expect(waiting.Locator("#places-heading + ul")).ToContainTextAsync("number 1 in line");

        var first = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(first, "trainee9@demo.local", "/enrol");
        await first.GetByRole(AriaRole.Button, new() { Name = "Withdraw from Small cohort" }).ClickAsync();
        await Assertions.Expect(first.Locator("h1")).ToHaveTextAsync("Give up your place in Small cohort?");
        await first.GetByRole(AriaRole.Button, new() { Name = "Yes, give up my place" }).ClickAsync();
        await Assertions.Expect(first.Locator(".notice")).ToContainTextAsync("The place is given up");

        await waiting.GotoAsync("/enrol");
        await Assertions.Expect(waiting.Locator("#places-heading + ul")).ToContainTextAsync("Small cohort · Enrolled");
    }

    [Fact]
    public async Task Trainer_CreatesCohort_SeesCalendar()
    {
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(page, "trainer2@demo.local", "/cohorts/new");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "cohort-new");

        await page.GetByLabel("Cohort name").FillAsync("Autumn cohort");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Autumn cohort");
        await Assertions.Expect(page.Locator("ul.calendar li")).ToHaveCountAsync(7);
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "cohort-calendar");
    }
}
