using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

public sealed class AuditJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    [Fact]
    public async Task Officer_FiltersTheAudit_ByModuleAndAction_SeesLocalizedRows()
    {
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        var trainee = await site.PersonAsync(Roles.Trainee);
        await site.WithScopeAsync(async (_, db) =>
        {
            var now = DateTime.UtcNow;
            for (var i = 0; i < 60; i++)
            {
                db.AddAudit(now.AddMinutes(-i), trainee.Id, i % 2 == 0 ? "account.signed-in" : "account.signed-out", trainee.Id.ToString());
            }

            db.AddAudit(now, null, "account.sign-in-failed", trainee.Id.ToString(), $"wrong-password; {trainee.Email}");
            await db.SaveChangesAsync();
        });
        var page = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(page, officer.Email!, "/admin/audit", SiteClient.TestPassword);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Audit");
        await page.GetByLabel("Module").SelectOptionAsync(new SelectOptionValue { Label = "Sign-in and account" });
        await page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "Sign-in refused" });
        await page.GetByLabel("Person").FillAsync(trainee.Email!);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("tbody tr").First).ToContainTextAsync("Sign-in refused");
        await BrowserSite.AssertAccessibleAsync(page);

        await page.GetByLabel("Action").SelectOptionAsync(new SelectOptionValue { Label = "Any action" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.Locator("tbody tr")).ToHaveCountAsync(50);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Older entries" })).ToBeVisibleAsync();
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "admin-audit");

        await page.GotoAsync("/admin/audit?From=2026-13-45");
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Type a date as year-month-day");
        await BrowserSite.AssertAccessibleAsync(page);
    }
}
