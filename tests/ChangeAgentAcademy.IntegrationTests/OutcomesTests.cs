using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.Services;
using ChangeAgentAcademy.Outcomes.ViewModels;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Issue 17, completion and certificates: the administrator's rules page, the start page's progress panel,
/// issuing exactly once under racing runs, the PDF (read back with pdftotext), the public verification page
/// and revoking, and the refusals. Rules here are "every lesson read" only, so a test completes a person by
/// marking the track's lessons read.
/// </summary>
public abstract class OutcomesTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private Task LessonsOnlyRulesAsync() => RulesAsync(supervision: 0);

    /// <summary>Trainee rules: every lesson read and, when not 0, that many supervision sessions attended.</summary>
    private async Task RulesAsync(int supervision) =>
        await site.WithScopeAsync(async (sp, db) =>
        {
            var admin = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
            var result = await sp.GetRequiredService<RuleService>().SaveAsync(new RuleFormViewModel { Track = "trainee", LessonsPercent = 100, MinSupervisionSessions = supervision }, admin);
            Assert.True(result.Ok);
        });

    /// <summary>Gives each person a name of their own (the builder names everyone "Test Trainee"), so a page can be searched for them.</summary>
    private Task NameAsync(IEnumerable<AppUser> people) =>
        site.WithScopeAsync(async (_, db) =>
        {
            foreach (var person in people)
            {
                person.DisplayName = "Person " + person.Id.ToString("N")[..10];
                await db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, person.DisplayName));
            }
        });

    private Task<List<CompletionProgress>> ProgressAsync(IEnumerable<AppUser> people)
    {
        var ids = people.Select(p => p.Id).ToList();
        return site.WithScopeAsync((_, db) => db.Set<CompletionProgress>().AsNoTracking().Where(p => ids.Contains(p.PersonId)).ToListAsync());
    }

    /// <summary>How many runs of the issuing job wait in Hangfire's queue (the clocked sites run no job server).</summary>
    private int QueuedIssuingRuns() =>
        site.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 1000)
            .Count(j => j.Value.Job?.Args.FirstOrDefault() as string == JobIds.IssueCertificates);

    private Task ReadEveryLessonAsync(IEnumerable<AppUser> people) =>
        site.WithScopeAsync(async (sp, db) =>
        {
            var modules = await sp.GetRequiredService<IProgrammeOutline>().ModulesAsync("trainee", "en");
            var keys = modules.SelectMany(m => m.LessonKeys).Distinct().ToList();
            Assert.NotEmpty(keys);
            var now = site.Clock.GetUtcNow().UtcDateTime;
            db.Set<LessonCompletion>().AddRange(people.SelectMany(p => keys.Select(k => new LessonCompletion { UserId = p.Id, LessonKey = k, CompletedUtc = now })));
            await db.SaveChangesAsync();
        });

    private Task<int> IssueAsync() => site.WithScopeAsync((sp, _) => sp.GetRequiredService<CertificateService>().IssueDueAsync());

    private Task<List<Certificate>> CertificatesAsync(IEnumerable<AppUser> people)
    {
        var ids = people.Select(p => p.Id).ToList();
        return site.WithScopeAsync((_, db) => db.Set<Certificate>().AsNoTracking().Where(c => ids.Contains(c.PersonId)).ToListAsync());
    }

    /// <summary>A cohort whose members have all read every lesson, and their certificates issued.</summary>
    private async Task<(TestCohort Cohort, List<Certificate> Certificates)> CertifiedAsync(int people)
    {
        await LessonsOnlyRulesAsync();
        var cohort = await site.CohortAsync(people);
        await ReadEveryLessonAsync(cohort.Trainees);
        await IssueAsync();
        return (cohort, await CertificatesAsync(cohort.Trainees));
    }

    [Fact]
    public async Task Rules_AdminSaves_Audited_AndBadInputKeepsWhatWasTyped()
    {
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var bad = await admin.PostFormAsync("/outcomes/rules", "/outcomes/rules/leader", new Dictionary<string, string>
        {
            ["AllReflectionsAccepted"] = "true", ["LessonsPercent"] = "150", ["MinSupervisionSessions"] = "3", ["MinWorkshops"] = "1",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("between 0 and 100 percent", html);
        Assert.Contains("value=\"150\"", html);

        var ok = await admin.PostFormAsync("/outcomes/rules", "/outcomes/rules/leader", new Dictionary<string, string>
        {
            ["AllReflectionsAccepted"] = "true", ["AllPracticalsHandedIn"] = "false", ["LessonsPercent"] = "80", ["MinSupervisionSessions"] = "3", ["MinWorkshops"] = "1",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var (rule, audits) = await site.WithScopeAsync(async (_, db) => (
            await db.Set<CompletionRule>().AsNoTracking().SingleAsync(r => r.Track == "leader"),
            await db.Audit.CountAsync(a => a.Action == "outcomes.rules.saved" && a.Subject == "leader")));
        Assert.Equal((true, false, 80, 3, 1), (rule.AllReflectionsAccepted, rule.AllPracticalsHandedIn, rule.LessonsPercent, rule.MinSupervisionSessions, rule.MinWorkshops));
        Assert.Equal(1, audits);

        var unknown = await admin.PostFormAsync("/outcomes/rules", "/outcomes/rules/manager", new Dictionary<string, string> { ["LessonsPercent"] = "10" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Theory]
    [InlineData("trainee1@demo.local")]
    [InlineData("leader1@demo.local")]
    [InlineData("trainer1@demo.local")]
    public async Task AdminPages_RefuseOthers(string email)
    {
        var client = await SiteClient.SignedInAsync(site, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/outcomes/rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/certificates")).StatusCode);
    }

    [Fact]
    public async Task Panel_AsksSupervisionAndWorkshopsOnlyWhenARuleCountsThem()
    {
        // The panel skips the supervision and workshop queries under rules that do not count them (#18): with rules that do, both show.
        await site.WithScopeAsync(async (sp, db) =>
        {
            var admin = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
            var saved = await sp.GetRequiredService<RuleService>().SaveAsync(new RuleFormViewModel { Track = "trainee", LessonsPercent = 100, MinSupervisionSessions = 2, MinWorkshops = 1 }, admin);
            Assert.True(saved.Ok);
        });
        var cohort = await site.CohortAsync(1);
        var client = await SiteClient.SignedInAsync(site, cohort.Trainees[0].Email!, SiteClient.TestPassword);
        var counted = await client.GetStringAsync("/");
        Assert.Contains("Supervision sessions attended: 0 of 2", counted);
        Assert.Contains("Future workshops attended: 0 of 1", counted);
        Assert.Contains("0 of 3 done", counted);

        await LessonsOnlyRulesAsync();
        var lessonsOnly = await client.GetStringAsync("/");
        Assert.DoesNotContain("Supervision sessions attended", lessonsOnly);
        Assert.DoesNotContain("Future workshops attended", lessonsOnly);
        Assert.Contains("0 of 1 done", lessonsOnly);
    }

    [Fact]
    public async Task Panel_ShowsProgress_ThenTheCertificateToDownload()
    {
        await LessonsOnlyRulesAsync();
        var cohort = await site.CohortAsync(1);
        var me = cohort.Trainees[0];
        var client = await SiteClient.SignedInAsync(site, me.Email!, SiteClient.TestPassword);
        var before = await client.GetStringAsync("/");
        Assert.Contains("Completing your programme", before);
        Assert.Contains("0 of 1 done", before);

        await ReadEveryLessonAsync([me]);
        Assert.Contains("1 of 1 done", await client.GetStringAsync("/"));
        await IssueAsync();
        var after = await client.GetStringAsync("/");
        var certificate = Assert.Single(await CertificatesAsync([me]));
        Assert.Contains($"/certificates/{certificate.Id}/pdf", after);
    }

    [Fact]
    public async Task Issuing_TwoRunsAtOnce_ExactlyOneCertificateAuditAndNoticeEach()
    {
        await LessonsOnlyRulesAsync();
        for (var round = 0; round < 3; round++)
        {
            var cohort = await site.CohortAsync(6);
            await ReadEveryLessonAsync(cohort.Trainees);
            using var gate = new SemaphoreSlim(0);
            var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
            {
                await gate.WaitAsync();
                return await IssueAsync();
            })).ToList();
            gate.Release(2);
            await Task.WhenAll(runs);

            var certificates = await CertificatesAsync(cohort.Trainees);
            Assert.Equal(cohort.Trainees.Select(t => t.Id).Order(), certificates.Select(c => c.PersonId).Order());
            var ids = certificates.Select(c => c.Id.ToString()).ToList();
            var people = cohort.Trainees.Select(t => t.Id).ToList();
            var (audits, notices) = await site.WithScopeAsync(async (_, db) => (
                await db.Audit.CountAsync(a => a.Action == CertificateService.IssuedAction && ids.Contains(a.Subject)),
                await db.Set<InboxItem>().CountAsync(n => people.Contains(n.UserId) && n.Key.StartsWith("outcomes:certificate:"))));
            Assert.Equal(6, audits);
            Assert.Equal(6, notices);
            // Both runs counted everyone too: one row per person and track, all rules met.
            var progress = await ProgressAsync(cohort.Trainees);
            Assert.Equal(people.Order(), progress.Select(p => p.PersonId).Order());
            Assert.All(progress, p => Assert.Equal(("trainee", 1, 1), (p.Track, p.Done, p.Rules)));
            await IssueAsync(); // a later run finds nothing new for them
            Assert.Equal(6, (await CertificatesAsync(cohort.Trainees)).Count);
        }
    }

    [Fact]
    public async Task RuleChange_QueuesARun_PeopleWhoNowMeetThemGetCertificates_AndTighterRulesRevokeNothing()
    {
        await RulesAsync(supervision: 1);
        var cohort = await site.CohortAsync(2);
        await ReadEveryLessonAsync(cohort.Trainees);
        await IssueAsync();
        Assert.Empty(await CertificatesAsync(cohort.Trainees));
        Assert.All(await ProgressAsync(cohort.Trainees), p => Assert.Equal((1, 2), (p.Done, p.Rules)));

        // The administrator drops the supervision rule in the browser: a run of the issuing job is queued at once.
        var queued = QueuedIssuingRuns();
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var saved = await admin.PostFormAsync("/outcomes/rules", "/outcomes/rules/trainee", new Dictionary<string, string> { ["LessonsPercent"] = "100", ["MinSupervisionSessions"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(queued + 1, QueuedIssuingRuns());

        // That run (here: the test runs it, as the job server would) issues to both.
        await IssueAsync();
        var issued = await CertificatesAsync(cohort.Trainees);
        Assert.Equal(2, issued.Count);
        Assert.All(await ProgressAsync(cohort.Trainees), p => Assert.Equal((1, 1), (p.Done, p.Rules)));

        // Tighter rules again: the counts follow, the certificates stand (only an administrator revokes, with a reason).
        await RulesAsync(supervision: 1);
        await IssueAsync();
        var after = await CertificatesAsync(cohort.Trainees);
        Assert.Equal(issued.Select(c => c.Id).Order(), after.Select(c => c.Id).Order());
        Assert.All(after, c => Assert.Null(c.RevokedUtc));
        Assert.All(await ProgressAsync(cohort.Trainees), p => Assert.Equal((1, 2), (p.Done, p.Rules)));
        await LessonsOnlyRulesAsync();
    }

    [Fact]
    public async Task CompletionStatus_LeaderSeesOnlyTheirTeams_TrainerOnlyTheirCohorts_CountsAndYesNoOnly()
    {
        await LessonsOnlyRulesAsync();
        var mine = await site.CohortAsync(3);
        var other = await site.CohortAsync(1);
        await NameAsync([.. mine.Trainees, .. other.Trainees]);
        var (done, notYet, revoked) = (mine.Trainees[0], mine.Trainees[1], mine.Trainees[2]);
        await ReadEveryLessonAsync([done, revoked, other.Trainees[0]]);

        var leader = await SiteClient.SignedInAsync(site, mine.Leader.Email!, SiteClient.TestPassword);
        var before = await leader.GetStringAsync("/team");
        Assert.Equal(3, Regex.Matches(before, "Not counted yet").Count);

        await IssueAsync();
        var certificate = Assert.Single(await CertificatesAsync([revoked]));
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        const string reason = "Reason-marker-5f3a: wrote about a citizen";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/certificates", $"/certificates/{certificate.Id}/revoke", new Dictionary<string, string> { ["reason"] = reason })).StatusCode);

        var team = WebUtility.HtmlDecode(await leader.GetStringAsync("/team"));
        Assert.Equal(["1 of 1 done", "0 of 1 done", "1 of 1 done"], RowsOf(team, [done, notYet, revoked]).Select(r => Regex.Match(r, @"\d+ of \d+ done").Value));
        Assert.Equal([true, false, false], RowsOf(team, [done, notYet, revoked]).Select(r => r.Contains("Certificate issued")));
        Assert.DoesNotContain(other.Trainees[0].DisplayName, team);
        Assert.DoesNotContain(reason, team);
        var csv = await leader.GetStringAsync("/team/export.csv");
        Assert.Contains("Completion rules met", csv);
        Assert.Contains($"\"{done.DisplayName}\"", csv);
        Assert.DoesNotContain(reason, csv);
        Assert.DoesNotContain(other.Trainees[0].DisplayName, csv);

        var otherLeader = WebUtility.HtmlDecode(await (await SiteClient.SignedInAsync(site, other.Leader.Email!, SiteClient.TestPassword)).GetStringAsync("/team"));
        Assert.Contains("Certificate issued", Assert.Single(RowsOf(otherLeader, [other.Trainees[0]])));
        Assert.DoesNotContain(done.DisplayName, otherLeader);

        var trainer = await SiteClient.SignedInAsync(site, mine.Trainer.Email!, SiteClient.TestPassword);
        var view = WebUtility.HtmlDecode(await trainer.GetStringAsync($"/cohorts/{mine.Id}"));
        Assert.Equal([true, false, false], RowsOf(view, [done, notYet, revoked]).Select(r => r.Contains("Certificate issued")));
        Assert.Equal(2, Regex.Matches(view, "1 of 1 done").Count);
        Assert.DoesNotContain(reason, view);
        Assert.DoesNotContain(other.Trainees[0].DisplayName, view);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainer.GetAsync($"/cohorts/{other.Id}")).StatusCode);
        var otherTrainer = await SiteClient.SignedInAsync(site, other.Trainer.Email!, SiteClient.TestPassword);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherTrainer.GetAsync($"/cohorts/{mine.Id}")).StatusCode);
    }

    /// <summary>The table row (tr) of each person, found by their name.</summary>
    private static List<string> RowsOf(string html, IEnumerable<AppUser> people) =>
        people.Select(p => Regex.Matches(html, "<tr>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).Single(r => r.Contains(p.DisplayName))).ToList();

    [Fact]
    public async Task Pdf_OwnerAndAdminGetIt_ContainsTheName_OthersGet404()
    {
        var (cohort, certificates) = await CertifiedAsync(2);
        var mine = certificates.Single(c => c.PersonId == cohort.Trainees[0].Id);
        var owner = await SiteClient.SignedInAsync(site, cohort.Trainees[0].Email!, SiteClient.TestPassword);
        var response = await owner.GetAsync($"/certificates/{mine.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(cohort.Trainees[0].DisplayName, text);
        Assert.Contains("Certificate of completion", text);
        Assert.Contains(mine.Code, text);
        Assert.Contains("/verify/" + mine.Code, text);

        var other = await SiteClient.SignedInAsync(site, cohort.Trainees[1].Email!, SiteClient.TestPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/certificates/{mine.Id}/pdf")).StatusCode);
        foreach (var email in new[] { "leader1@demo.local", "trainer1@demo.local" })
        {
            var c = await SiteClient.SignedInAsync(site, email);
            Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/certificates/{mine.Id}/pdf")).StatusCode);
        }

        var anonymous = SiteClient.For(site);
        var refused = await anonymous.GetAsync($"/certificates/{mine.Id}/pdf");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/certificates/{mine.Id}/pdf")).StatusCode);
    }

    [Fact]
    public async Task Pdf_InThePersonsLanguage()
    {
        await LessonsOnlyRulesAsync();
        var cohort = await site.CohortAsync(1, language: "sv");
        await ReadEveryLessonAsync(cohort.Trainees);
        await IssueAsync();
        var certificate = Assert.Single(await CertificatesAsync(cohort.Trainees));
        Assert.Equal("sv", certificate.Language);
        var owner = await SiteClient.SignedInAsync(site, cohort.Trainees[0].Email!, SiteClient.TestPassword);
        var text = PdfText(await (await owner.GetAsync($"/certificates/{certificate.Id}/pdf")).Content.ReadAsByteArrayAsync());
        Assert.Contains("Intyg om genomförd utbildning", text);
    }

    [Fact]
    public async Task Verify_Valid_Unknown_Revoked_ShowsOnlyNameProgrammeDate()
    {
        var (cohort, certificates) = await CertifiedAsync(1);
        var certificate = Assert.Single(certificates);
        var anonymous = SiteClient.For(site);
        var valid = await anonymous.GetAsync($"/verify/{certificate.Code.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        var html = await valid.Content.ReadAsStringAsync();
        Assert.Contains(cohort.Trainees[0].DisplayName, html);
        Assert.Contains("This certificate is valid.", html);
        Assert.DoesNotContain(certificate.CohortName, html);
        Assert.DoesNotContain(cohort.Trainer.DisplayName + "<", html);

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/verify/ABCDE-FGHJK")).StatusCode);
        var junk = await anonymous.GetAsync("/verify/%3Cscript%3E");
        Assert.Equal(HttpStatusCode.NotFound, junk.StatusCode);
        Assert.Contains("No certificate has this code", await junk.Content.ReadAsStringAsync());

        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var noReason = await admin.PostFormAsync("/certificates", $"/certificates/{certificate.Id}/revoke", new Dictionary<string, string> { ["reason"] = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Give a reason", await noReason.Content.ReadAsStringAsync());
        var revoked = await admin.PostFormAsync("/certificates", $"/certificates/{certificate.Id}/revoke", new Dictionary<string, string> { ["reason"] = "Issued in error" });
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var again = await admin.PostFormAsync("/certificates", $"/certificates/{certificate.Id}/revoke", new Dictionary<string, string> { ["reason"] = "Twice" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode); // a conflict, said in the flash; nothing changes
        var audit = await site.WithScopeAsync((_, db) => db.Audit.Where(a => a.Action == CertificateService.RevokedAction && a.Subject == certificate.Id.ToString()).Select(a => a.Details).ToListAsync());
        Assert.Equal(["Issued in error"], audit);

        var after = await (await anonymous.GetAsync($"/verify/{certificate.Code}")).Content.ReadAsStringAsync();
        Assert.Contains("Revoked", after);
        Assert.DoesNotContain("Issued in error", after);
        var trainee = await SiteClient.SignedInAsync(site, "trainee1@demo.local");
        var refused = await trainee.PostFormAsync("/", $"/certificates/{certificate.Id}/revoke", new Dictionary<string, string> { ["reason"] = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    /// <summary>
    /// The reason for revoking is free text shown to the holder and kept in the audit (#15): a citizen's name in it
    /// shows the shared warning with the text kept in the box and revokes nothing; 'revoke anyway' revokes with it.
    /// </summary>
    [Fact]
    public async Task Revoke_ReasonNamingACitizen_WarnsKeepsTheTextRevokesNothing_RevokeAnywayRevokes()
    {
        var (_, certificates) = await CertifiedAsync(1);
        var certificate = Assert.Single(certificates);
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        const string reason = "Issued in error: the work was about Gunnel Andersson in hemtjänsten";
        var url = $"/certificates/{certificate.Id}/revoke";

        var warned = await admin.PostFormAsync("/certificates", url, new Dictionary<string, string> { ["reason"] = reason });
        var body = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        var untouched = await site.WithScopeAsync((_, db) => db.Set<Certificate>().AsNoTracking().SingleAsync(c => c.Id == certificate.Id));
        var audited = await site.WithScopeAsync((_, db) => db.Audit.CountAsync(a => a.Action == CertificateService.RevokedAction && a.Subject == certificate.Id.ToString()));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("citizen-warning", body);
        Assert.Contains("<mark", body);
        Assert.Contains($"id=\"reason-{certificate.Id}\" name=\"reason\" type=\"text\" maxlength=\"500\" required value=\"{reason}\"", body);
        Assert.Contains("name=\"citizenDataConfirmed\" value=\"true\"", body);
        Assert.Null(untouched.RevokedUtc);
        Assert.Equal(0, audited);

        // A reason without a name revokes at once; with the name, only 'revoke anyway' does.
        var anyway = await admin.PostFormAsync("/certificates", url, new Dictionary<string, string> { ["reason"] = reason, ["citizenDataConfirmed"] = "true" });
        var revoked = await site.WithScopeAsync((_, db) => db.Set<Certificate>().AsNoTracking().SingleAsync(c => c.Id == certificate.Id));

        Assert.Equal(HttpStatusCode.Redirect, anyway.StatusCode);
        Assert.NotNull(revoked.RevokedUtc);
        Assert.Equal(reason, revoked.RevokedReason);

        // A warning for a certificate that does not exist is not shown: it is a 404, as without a name.
        var missing = await admin.PostFormAsync("/certificates", $"/certificates/{Guid.NewGuid()}/revoke", new Dictionary<string, string> { ["reason"] = reason });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static string PdfText(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"caa-certificate-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.Equal(0, process.ExitCode);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class SqliteOutcomesTests(ClockedSqliteSite site) : OutcomesTests<ClockedSqliteSite>(site);

public sealed class PostgresOutcomesTests(ClockedPostgresSite site) : OutcomesTests<ClockedPostgresSite>(site);
