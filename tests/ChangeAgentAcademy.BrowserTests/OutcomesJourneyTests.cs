using System.Diagnostics;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ChangeAgentAcademy.BrowserTests;

/// <summary>
/// Issue 17 in a real browser: the administrator sets the trainee track's rules, a trainee completes them, is
/// issued a certificate, sees it on the start page and downloads the PDF; the public verification page; the
/// administrator's certificate list and the programme page. Axe and screenshots on every new page.
/// </summary>
public sealed class OutcomesJourneyTests(BrowserSite site) : IClassFixture<BrowserSite>
{
    private const string Name = "Åsa Lindqvist-Browser";

    [Fact]
    public async Task Trainee_Completes_DownloadsTheCertificate_WhichVerifies()
    {
        var admin = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(admin, "admin@demo.local", "/outcomes/rules");
        await BrowserSite.AssertAccessibleAsync(admin);
        await BrowserSite.ScreenshotAsync(admin, "outcomes-rules");
        var form = admin.Locator("form[action='/outcomes/rules/trainee']");
        await form.GetByLabel("Every reflection accepted by a trainer").UncheckAsync();
        await form.GetByLabel("Every practical assignment handed in").UncheckAsync();
        await form.GetByLabel("Lessons read (percent of the track's lessons)").FillAsync("100");
        await form.GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("The rules for the Trainee track are saved.");

        var person = await site.PersonAsync(Roles.Trainee);
        var keys = await site.WithScopeAsync(async (sp, db) =>
        {
            await db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, Name));
            var trainer = await db.Users.Where(u => u.Email == "trainer1@demo.local").Select(u => u.Id).SingleAsync();
            var id = Guid.NewGuid();
            db.Set<Cohort>().Add(new Cohort { Id = id, Name = "Browser cohort", Track = CohortTrack.Trainee, Status = CohortStatus.Open, Capacity = 20, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30), CreatedUtc = DateTime.UtcNow });
            db.Set<CohortTrainer>().Add(new CohortTrainer { CohortId = id, UserId = trainer });
            db.Set<CohortMember>().Add(new CohortMember { CohortId = id, UserId = person.Id, Status = MemberStatus.Enrolled, EnrolledUtc = DateTime.UtcNow, ChangedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return (await sp.GetRequiredService<IProgrammeOutline>().ModulesAsync("trainee", "en")).SelectMany(m => m.LessonKeys).Distinct().ToList();
        });

        var trainee = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(trainee, person.Email!, "/", SiteClient.TestPassword);
        var panel = trainee.Locator("section[aria-labelledby='completion-panel']");
        await Assertions.Expect(panel).ToContainTextAsync("0 of 1 done");

        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<LessonCompletion>().AddRange(keys.Select(k => new LessonCompletion { UserId = person.Id, LessonKey = k, CompletedUtc = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        });
        await trainee.ReloadAsync();
        await Assertions.Expect(panel).ToContainTextAsync("1 of 1 done");
        await Assertions.Expect(panel).ToContainTextAsync("your certificate will be issued shortly");

        await site.WithScopeAsync((sp, _) => sp.GetRequiredService<CertificateService>().IssueDueAsync());
        await trainee.ReloadAsync();
        await BrowserSite.AssertAccessibleAsync(trainee);
        await BrowserSite.ScreenshotAsync(trainee, "outcomes-start-panel");
        var download = await trainee.RunAndWaitForDownloadAsync(() => panel.GetByRole(AriaRole.Link, new() { Name = "Download your certificate (PDF)" }).ClickAsync());
        var file = Path.Combine(BrowserSite.ScreenshotFolder, "certificate.pdf");
        await download.SaveAsAsync(file);
        var text = PdfText(file);
        Assert.Contains(Name, text);
        Assert.Contains("Certificate of completion", text);
        Assert.Contains("Browser cohort", text);
        if (BrowserSite.TakesScreenshots)
        {
            using var png = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "60", "-singlefile", file, Path.Combine(BrowserSite.ScreenshotFolder, "certificate")]))!;
            await png.WaitForExitAsync();
        }

        var code = await site.WithScopeAsync((_, db) => db.Set<Certificate>().Where(c => c.PersonId == person.Id).Select(c => c.Code).SingleAsync());
        var visitor = await site.NewPageAsync(360);
        await visitor.GotoAsync($"/verify/{code}");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("This certificate is valid.");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync(Name);
        await BrowserSite.AssertAccessibleAsync(visitor);
        await BrowserSite.ScreenshotAsync(visitor, "outcomes-verify");
        await visitor.GotoAsync("/verify/AAAAA-BBBBB");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("No certificate has this code");
        await BrowserSite.AssertAccessibleAsync(visitor);

        await admin.GotoAsync("/certificates");
        await BrowserSite.AssertAccessibleAsync(admin);
        await BrowserSite.ScreenshotAsync(admin, "outcomes-certificates");
        var row = admin.Locator("tr", new() { HasText = Name });
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".error-summary")).ToContainTextAsync("Give a reason");
        await BrowserSite.AssertAccessibleAsync(admin);
        await admin.Locator("tr", new() { HasText = Name }).GetByLabel("Reason for revoking").FillAsync("Test of revoking");
        await admin.Locator("tr", new() { HasText = Name }).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".notice")).ToContainTextAsync("The certificate is revoked.");
        await visitor.GotoAsync($"/verify/{code}");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("Revoked");
        await BrowserSite.ScreenshotAsync(visitor, "outcomes-verify-revoked");

        await admin.GotoAsync("/programme");
        await Assertions.Expect(admin.Locator("h1")).ToContainTextAsync("The programme in numbers");
        await BrowserSite.AssertAccessibleAsync(admin);
        await BrowserSite.ScreenshotAsync(admin, "outcomes-programme");
    }

    [Fact]
    public async Task LeaderAndTrainer_SeeCompletionAsStatusOnly()
    {
        var (leader, trainer, done, started) = (await site.PersonAsync(Roles.Leader), await site.PersonAsync(Roles.Trainer), Guid.Empty, Guid.Empty);
        var cohortId = Guid.NewGuid();
        await site.WithScopeAsync(async (sp, db) =>
        {
            var admin = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
            Assert.True((await sp.GetRequiredService<RuleService>().SaveAsync(new() { Track = "trainee", LessonsPercent = 100 }, admin)).Ok);
            var teamId = Guid.NewGuid();
            db.Teams.Add(new Team { Id = teamId, Name = "Completion team", LeaderId = leader.Id, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            done = (await site.PersonAsync(Roles.Trainee, teamId)).Id;
            started = (await site.PersonAsync(Roles.Trainee, teamId)).Id;
            await db.Users.Where(u => u.Id == done).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Bodil Completed"));
            await db.Users.Where(u => u.Id == started).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, "Kalle Started"));
            db.Set<Cohort>().Add(new Cohort { Id = cohortId, Name = "Completion cohort", Track = CohortTrack.Trainee, Status = CohortStatus.Open, Capacity = 20, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30), CreatedUtc = DateTime.UtcNow });
            db.Set<CohortTrainer>().Add(new CohortTrainer { CohortId = cohortId, UserId = trainer.Id });
            db.Set<CohortMember>().AddRange(new[] { done, started }.Select(p => new CohortMember { CohortId = cohortId, UserId = p, Status = MemberStatus.Enrolled, EnrolledUtc = DateTime.UtcNow, ChangedUtc = DateTime.UtcNow }));
            var keys = (await sp.GetRequiredService<IProgrammeOutline>().ModulesAsync("trainee", "en")).SelectMany(m => m.LessonKeys).Distinct();
            db.Set<LessonCompletion>().AddRange(keys.Select(k => new LessonCompletion { UserId = done, LessonKey = k, CompletedUtc = DateTime.UtcNow }));
            await db.SaveChangesAsync();
        });
        await site.WithScopeAsync((sp, _) => sp.GetRequiredService<CertificateService>().IssueDueAsync());

        var page = await site.NewPageAsync(360);
        await BrowserSite.SignInAtAsync(page, leader.Email!, "/team", SiteClient.TestPassword);
        var row = page.Locator("tr", new() { HasText = "Bodil Completed" });
        await Assertions.Expect(row).ToContainTextAsync("1 of 1 done");
        await Assertions.Expect(row).ToContainTextAsync("Certificate issued");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "Kalle Started" })).ToContainTextAsync("0 of 1 done");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "Kalle Started" })).ToContainTextAsync("No certificate");
        await BrowserSite.AssertAccessibleAsync(page);
        await BrowserSite.ScreenshotAsync(page, "outcomes-team-completion");

        var trainerPage = await site.NewPageAsync();
        await BrowserSite.SignInAtAsync(trainerPage, trainer.Email!, $"/cohorts/{cohortId}", SiteClient.TestPassword);
        await Assertions.Expect(trainerPage.Locator("tr", new() { HasText = "Bodil Completed" })).ToContainTextAsync("Certificate issued");
        await Assertions.Expect(trainerPage.Locator("tr", new() { HasText = "Kalle Started" })).ToContainTextAsync("0 of 1 done");
        await BrowserSite.AssertAccessibleAsync(trainerPage);
        await BrowserSite.ScreenshotAsync(trainerPage, "outcomes-cohort-completion");
    }

    private static string PdfText(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true })!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }
}
