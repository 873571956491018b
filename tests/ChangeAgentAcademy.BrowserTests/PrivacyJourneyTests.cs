using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Privacy.Data;
using ChangeAgentAcademy.Privacy.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>Data-subject rights in a real browser: a trainee downloads their data and asks to be erased; the officer erases a person; axe on every new page.</summary>
public sealed class PrivacyJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Trainee_DownloadsTheirData_AndAsksToBeErased()
    {
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, "trainee3@demo.local", "/account/data");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your data");
        await BrowserSite.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Prepare my data" }).ClickAsync();
        // Prepared within the request (Privacy:ImmediateExport, the default): the message says it is ready, beside the button.
        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Your data is ready to download.");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download" }).First;
        await Assertions.Expect(link).ToBeVisibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync(), new() { Timeout = 120_000 });
        var path = await download.PathAsync();
        Assert.True(new FileInfo(path).Length > 200);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(path))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "summary.html");
            Assert.Contains(zip.Entries, e => e.FullName == "Reflections.json");
        }

        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-my-data");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ask to be erased" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Ask to have your account and data erased?");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-confirm-request-erasure");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask to be erased" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("waits for the data protection officer");
        await Assertions.Expect(page.Locator("#holds")).ToHaveTextAsync("Nothing would be kept: nothing holds your data now.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw my request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Your request to be erased is withdrawn.");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ask to be erased" })).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(page);
    }

    /// <summary>The job is still preparing an earlier export: asking again says so, and offers no download yet.</summary>
    [Fact]
    public async Task ExportStillBeingPrepared_TheMessageSaysSo_NotReady()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<PrivacyExport>().Add(new PrivacyExport { Id = Guid.NewGuid(), UserId = person.Id, RequestedBy = person.Id, Status = ExportStatus.Preparing, RequestedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, person.Email!, "/account/data", SiteClient.TestPassword);

        await page.GetByRole(AriaRole.Button, new() { Name = "Prepare my data" }).ClickAsync();

        await Assertions.Expect(page.Locator(".notice")).ToHaveTextAsync("Your data is being prepared; this page updates itself when it is ready, and you get a notice.");
        await Assertions.Expect(page.Locator("#exports")).ToContainTextAsync("Being prepared");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download" })).ToHaveCountAsync(0);
        await BrowserSite.AssertAccessibleAsync(page);
    }

    /// <summary>A trainer in a running supervision group and of an open cohort sees what keeps their data, before and after asking, and withdraws the request; then reads what the site keeps about people.</summary>
    [Fact]
    public async Task HeldPerson_SeesWhatWouldBeKept_AsksAndWithdraws_ReadsWhatIsKept()
    {
        var person = await site.PersonAsync(Roles.Trainer);
        var group = "Tuesday group " + Guid.NewGuid().ToString("N")[..4];
        var cohort = "Spring cohort " + Guid.NewGuid().ToString("N")[..4];
        await site.HoldAsync(person.Id, group, cohort);
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, person.Email!, "/account/data", SiteClient.TestPassword);
        var holds = page.Locator("#holds li");
        await Assertions.Expect(holds).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#holds")).ToContainTextAsync($"You belong to the running supervision group {group}");
        await Assertions.Expect(page.Locator("#holds")).ToContainTextAsync($"You are a trainer of the open cohort {cohort}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ask to be erased" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask to be erased" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("waits for the data protection officer");
        await Assertions.Expect(holds).ToHaveCountAsync(2); // still shown while the request waits
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-my-data-held-waiting");

        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw my request" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Your request to be erased is withdrawn.");
        await Assertions.Expect(holds).ToHaveCountAsync(2);
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-my-data-withdrawn");
        Assert.Equal(ErasureStatus.Withdrawn, await site.WithScopeAsync(async (_, db) => await db.Set<ErasureRequest>().Where(r => r.UserId == person.Id).Select(r => r.Status).SingleAsync()));

        await page.GetByRole(AriaRole.Link, new() { Name = "Read what is kept and why" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("What the academy keeps about people");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Who attended each session");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("core_users");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-kept-data");
    }

    [Fact]
    public async Task ExportBeingPrepared_TheListShowsTheDownloadWhenReady_WithoutAReload()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var id = Guid.NewGuid();
        // Claimed by a worker (Preparing), so the site's own export job, which prepares waiting exports every minute, leaves
        // it alone until the test lets it go: a Pending one was prepared by the job before the page showed it, when the
        // sign-in was slow and the minute turned (seen at four classes at once).
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<PrivacyExport>().Add(new PrivacyExport { Id = id, UserId = person.Id, RequestedBy = person.Id, Status = ExportStatus.Preparing, RequestedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, person.Email!, "/account/data", SiteClient.TestPassword);
        await Assertions.Expect(page.Locator("#exports")).ToContainTextAsync("Being prepared");
        var loads = 0;
        page.Load += (_, _) => loads++;

        await site.WithScopeAsync(async (services, db) =>
        {
            await db.Set<PrivacyExport>().Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.Status, ExportStatus.Pending));
            await services.GetRequiredService<ExportService>().PrepareAsync(id); // or the job, if its minute comes first
            return 0;
        });

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.Equal(0, loads);
        await BrowserSite.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Officer_ErasesAPerson_AfterTheConfirmationStep()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(page, "admin@demo.local", "/privacy");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Data protection");
        await page.GetByLabel("Name or e-mail address").FillAsync(person.Email!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(person.Email!);
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-officer");

        await page.GetByRole(AriaRole.Link, new() { Name = "Erase…" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Erase ");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-erase-confirm");
        await page.GetByRole(AriaRole.Button, new() { Name = "Erase for good" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("The person has been erased.");
        Assert.False(await site.WithScopeAsync(async (_, db) => await db.Users.AnyAsync(u => u.Id == person.Id)));

        var admin = await site.WithScopeAsync(async (_, db) => await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync());
        await page.GotoAsync($"/privacy/people/{admin}/erase");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("You cannot erase yourself");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-erase-refused");

        await page.GotoAsync("/privacy/retention");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Retention: the next run");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-retention");

        await page.GotoAsync("/privacy/record");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Record of processing");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "privacy-record");
    }
}
