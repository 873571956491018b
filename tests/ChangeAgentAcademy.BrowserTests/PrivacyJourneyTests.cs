using ChangeAgentAcademy.Security;
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
        await BrowserSite.SignInAsync(page, "trainee3@demo.local");
        await page.GotoAsync("/account/data");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Your data");
        await BrowserSite.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Prepare my data" }).ClickAsync();
        await Assertions.Expect(page.Locator(".notice")).ToContainTextAsync("Your data is being prepared");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "Download" }).First;
        await Assertions.Expect(link).ToBeVisibleAsync(new() { Timeout = 120_000 }); // the ZIP is built from every module: slow on a busy 2-core machine
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
    }

    [Fact]
    public async Task ExportBeingPrepared_TheListShowsTheDownloadWhenReady_WithoutAReload()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var id = Guid.NewGuid();
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<PrivacyExport>().Add(new PrivacyExport { Id = id, UserId = person.Id, RequestedBy = person.Id, Status = ExportStatus.Pending, RequestedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAsync(page, person.Email!, SiteClient.TestPassword);
        await page.GotoAsync("/account/data");
        await Assertions.Expect(page.Locator("#exports")).ToContainTextAsync("Being prepared");
        var loads = 0;
        page.Load += (_, _) => loads++;

        await site.WithScopeAsync(async (services, _) =>
        {
            await services.GetRequiredService<ExportService>().PrepareAsync(id);
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
        await BrowserSite.SignInAsync(page, "admin@demo.local");
        await page.GotoAsync("/privacy");
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
