using System.Net;
using System.Text.Json;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Jobs;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>The foundation's journeys and refusals, run once on SQLite and once on PostgreSQL.</summary>
public abstract class FoundationTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task SignIn_DemoAdministrator_RedirectsToStartPageWithAdminMenu()
    {
        var client = SiteClient.For(site);

        var response = await client.SignInAsync("admin@demo.local", SiteClient.DemoPassword);
        var home = await client.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Contains("Welcome, Astrid Holm", home);
        Assert.Contains("href=\"/admin/people\"", home);
        Assert.Contains("href=\"/admin/jobs\"", home);
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_SameMessageAndNoSession()
    {
        var wrong = SiteClient.For(site);
        var unknown = SiteClient.For(site);

        var wrongResponse = await wrong.SignInAsync("trainer2@demo.local", "not-the-password");
        var unknownResponse = await unknown.SignInAsync("nobody@demo.local", "not-the-password");
        var wrongPage = await wrongResponse.Content.ReadAsStringAsync();
        var unknownPage = await unknownResponse.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, wrongResponse.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownResponse.StatusCode);
        const string message = "The e-mail or password is wrong, or the account is locked for a while after repeated attempts.";
        Assert.Contains(message, wrongPage);
        Assert.Contains(message, unknownPage);
        Assert.Contains("value=\"trainer2@demo.local\"", wrongPage);
        Assert.Equal(HttpStatusCode.Redirect, (await wrong.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksTheAccountEvenForTheRightPassword()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = SiteClient.For(site);

        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(person.Email!, "wrong-password-" + i);
        }

        var right = await client.SignInAsync(person.Email!, SiteClient.TestPassword);
        var lockoutEnd = await site.WithScopeAsync((_, db) => db.Users.Where(u => u.Id == person.Id).Select(u => u.LockoutEnd).FirstAsync());

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for a while", await right.Content.ReadAsStringAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task SignIn_FourFailuresThenRightPassword_SignsIn()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = SiteClient.For(site);

        for (var i = 0; i < 4; i++)
        {
            await client.SignInAsync(person.Email!, "wrong-password-" + i);
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(person.Email!, SiteClient.TestPassword)).StatusCode);
    }

    [Fact]
    public async Task SignIn_MissingFields_LocalizedValidationAndTypedEmailKept()
    {
        var client = SiteClient.For(site);

        var response = await client.PostFormAsync("/account/signin", "/account/signin", new() { ["Email"] = "not-an-address", ["Password"] = "" });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("E-mail: write a whole e-mail address, like name@example.org.", WebUtility.HtmlDecode(page));
        Assert.Contains("Fill in Password.", page);
        Assert.Contains("value=\"not-an-address\"", page);
    }

    [Fact]
    public async Task Post_ForgedAntiforgeryToken_Rejected400WithReadablePage()
    {
        var client = SiteClient.For(site);
        await client.GetAsync("/account/signin");

        var response = await client.Http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "admin@demo.local",
            ["Password"] = SiteClient.DemoPassword,
            ["__RequestVerificationToken"] = "CfDJ8forged-token",
        }));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The request could not be handled", page);
        Assert.DoesNotContain("Exception", page);
    }

    [Theory]
    [InlineData("trainee1@demo.local", "/admin/people")]
    [InlineData("trainee1@demo.local", "/cohorts")]
    [InlineData("trainee1@demo.local", "/team")]
    [InlineData("leader1@demo.local", "/admin/teams")]
    [InlineData("leader1@demo.local", "/cohorts")]
    [InlineData("trainer1@demo.local", "/admin/people")]
    [InlineData("trainer1@demo.local", "/team")]
    public async Task RolePages_OtherRoles_Get403ReadablePage(string email, string url)
    {
        var client = await SiteClient.SignedInAsync(site, email);

        var response = await client.GetAsync(url);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("You do not have access to this page", page);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/people")]
    [InlineData("/cohorts")]
    [InlineData("/team")]
    [InlineData("/account/password")]
    public async Task Pages_Anonymous_RedirectToSignIn(string url)
    {
        var response = await SiteClient.For(site).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin?ReturnUrl=", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task JobsDashboard_Anonymous_RedirectsToSignIn()
    {
        var response = await SiteClient.For(site).GetAsync("/admin/jobs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("trainer1@demo.local")]
    [InlineData("leader1@demo.local")]
    [InlineData("trainee1@demo.local")]
    public async Task JobsDashboard_NonAdministrators_Get403(string email)
    {
        var client = await SiteClient.SignedInAsync(site, email);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/jobs")).StatusCode);
    }

    [Fact]
    public async Task JobsDashboard_Administrator_SeesModulesRecurringJobs()
    {
        var client = await SiteClient.SignedInAsync(site, "admin@demo.local");

        var response = await client.GetAsync("/admin/jobs/recurring");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(OutboxDrainJob.Id, page);
        Assert.Contains("cohorts:close-ended", page);
    }

    [Fact]
    public async Task Health_ReportsDatabaseAndJobs_ToAnAdministrator()
    {
        var response = await (await SiteClient.SignedInAsync(site, "admin@demo.local")).GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("jobs").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Menu_OnANestedEntrysPage_OnlyThatEntryIsCurrent()
    {
        var page = await (await SiteClient.SignedInAsync(site, "trainer1@demo.local")).GetStringAsync("/learn/kit");

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "aria-current=\"page\""));
        Assert.Contains("<a href=\"/learn/kit\" aria-current=\"page\">", page);
    }

    [Fact]
    public async Task Menu_BuiltOncePerRolesAndLanguage_ShowsEachPersonOnlyTheirOwnEntriesAndLanguage()
    {
        // The menu is built once per set of roles and language and then shared (NavigationMenu): an administrator's
        // entries must never reach a trainee, nor one language's texts another's reader, whoever asked first.
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var trainee = await site.PersonAsync(Roles.Trainee);
        var traineeClient = await SiteClient.SignedInAsync(site, trainee.Email!, SiteClient.TestPassword);
        var swede = await site.PersonAsync(Roles.Trainee);
        var swedeClient = await SiteClient.SignedInAsync(site, swede.Email!, SiteClient.TestPassword);
        await swedeClient.PostFormAsync("/", "/language", new() { ["language"] = "sv", ["returnUrl"] = "/" });

        var adminFirst = await admin.GetStringAsync("/learn");
        var traineeAfter = await traineeClient.GetStringAsync("/learn");
        var swedeAfter = await swedeClient.GetStringAsync("/learn");
        var traineeAgain = await traineeClient.GetStringAsync("/learn");
        var adminAgain = await admin.GetStringAsync("/learn");

        Assert.Contains("href=\"/admin/people\"", adminFirst);
        Assert.Contains("href=\"/admin/jobs\"", adminAgain);
        foreach (var page in new[] { traineeAfter, swedeAfter, traineeAgain })
        {
            Assert.DoesNotContain("href=\"/admin/people\"", page);
            Assert.DoesNotContain("href=\"/admin/jobs\"", page);
            Assert.DoesNotContain("href=\"/review\"", page);
        }
        Assert.Contains(">My programme</a>", traineeAfter);
        Assert.Contains(">My programme</a>", traineeAgain);
        Assert.Contains(">Mitt program</a>", swedeAfter);
        Assert.DoesNotContain(">My programme</a>", swedeAfter);
    }

    [Fact]
    public async Task LanguageSwitch_ToSwedish_ChangesPageAndIsRememberedForThePerson()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

        var response = await client.PostFormAsync("/", "/language", new() { ["language"] = "sv", ["returnUrl"] = "/" });
        var home = await client.GetStringAsync("/");
        var stored = await site.WithScopeAsync((_, db) => db.Users.Where(u => u.Id == person.Id).Select(u => u.Language).FirstAsync());
        var fresh = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var freshHome = await fresh.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("<html lang=\"sv\">", home);
        Assert.Contains("Logga ut", home);
        Assert.Equal("sv", stored);
        Assert.Contains("<html lang=\"sv\">", freshHome);
    }

    [Fact]
    public async Task LanguageSwitch_UnsupportedLanguage_400()
    {
        var client = SiteClient.For(site);

        var response = await client.PostFormAsync("/account/signin", "/language", new() { ["language"] = "xx", ["returnUrl"] = "/" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/admin/people/8f1b2c3d-0000-4000-8000-000000000000")]
    [InlineData("/admin/teams/8f1b2c3d-0000-4000-8000-000000000000")]
    [InlineData("/admin/people/not-a-guid")]
    [InlineData("/cohorts/8f1b2c3d-0000-4000-8000-000000000000")]
    [InlineData("/no/such/page")]
    public async Task UnknownIds_Get404ReadableLocalizedPage(string url)
    {
        var client = await SiteClient.SignedInAsync(site, "admin@demo.local");

        var response = await client.GetAsync(url);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", page);
    }

    [Fact]
    public async Task TenMegabytePost_Gets413ReadablePage()
    {
        var client = SiteClient.For(site);
        var huge = new string('x', 10 * 1024 * 1024);

        var response = await client.PostFormAsync("/account/signin", "/account/signin", new() { ["Email"] = "a@b.se", ["Password"] = huge });
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("That was too much to send", page);
    }

    [Fact]
    public async Task ForgottenPassword_MailLinkResetsPassword()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = SiteClient.For(site);

        var sent = await client.PostFormAsync("/account/forgot", "/account/forgot", new() { ["Email"] = person.Email! });
        var mail = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().Where(m => m.To == person.Email).OrderByDescending(m => m.CreatedUtc).FirstAsync());
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"http://\S+").Value);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(link.Query);
        var reset = await client.PostFormAsync(link.PathAndQuery, "/account/reset", new()
        {
            ["Email"] = person.Email!,
            ["Token"] = query["token"]!,
            ["Password"] = "A-brand-new-passw0rd",
            ["ConfirmPassword"] = "A-brand-new-passw0rd",
        });
        var signIn = await SiteClient.For(site).SignInAsync(person.Email!, "A-brand-new-passw0rd");

        Assert.Contains("a link to choose a new password is on its way", await sent.Content.ReadAsStringAsync());
        Assert.Equal(ResetSubject, mail.Subject);
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    private const string ResetSubject = "Choose a new password for Change Agent Academy";

    [Fact]
    public async Task ForgottenPassword_UnknownAddress_SameAnswerAndNoMail()
    {
        // Counted by address and by the reset mail's subject, not all mail: the site's own minute jobs (the reflection
        // dispatcher, the notice mailer) may queue the demo people's mail at any moment (87 rows once, in CI).
        const string address = "nobody-here@demo.local";
        Task<int> ResetMailsAsync() => site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().CountAsync(m => m.To == address || m.Subject == ResetSubject));
        var before = await ResetMailsAsync();

        var response = await SiteClient.For(site).PostFormAsync("/account/forgot", "/account/forgot", new() { ["Email"] = address });

        Assert.Contains("a link to choose a new password is on its way", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await ResetMailsAsync());
    }

    [Fact]
    public async Task ResetPassword_ForgedToken_LocalizedErrorAndNoChange()
    {
        var person = await site.PersonAsync(Roles.Trainee);

        var response = await SiteClient.For(site).PostFormAsync("/account/reset?email=x&token=y", "/account/reset", new()
        {
            ["Email"] = person.Email!, ["Token"] = "forged", ["Password"] = "Another-passw0rd-1", ["ConfirmPassword"] = "Another-passw0rd-1",
        });

        Assert.Contains("The link has expired or has already been used.", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SiteClient.For(site).SignInAsync(person.Email!, SiteClient.TestPassword)).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_WrongCurrent_ErrorThenRightCurrent_Changed()
    {
        var person = await site.PersonAsync(Roles.Leader);
        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

        var wrong = await client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = "not-it", ["Password"] = "Changed-passw0rd-1", ["ConfirmPassword"] = "Changed-passw0rd-1",
        });
        var right = await client.PostFormAsync("/account/password", "/account/password", new()
        {
            ["CurrentPassword"] = SiteClient.TestPassword, ["Password"] = "Changed-passw0rd-1", ["ConfirmPassword"] = "Changed-passw0rd-1",
        });

        Assert.Contains("The current password is wrong.", await wrong.Content.ReadAsStringAsync());
        Assert.Contains("Your password has been changed.", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SiteClient.For(site).SignInAsync(person.Email!, "Changed-passw0rd-1")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var client = await SiteClient.SignedInAsync(site, "trainee2@demo.local");

        var response = await client.PostFormAsync("/", "/account/signout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task DemoProgramme_HasThePeopleTeamsAndCohort()
    {
        var counts = await site.WithScopeAsync(async (_, db) => new
        {
            People = await db.Users.CountAsync(u => u.Email!.EndsWith("@demo.local")),
            Teams = await db.Teams.CountAsync(),
            Cohort = await db.Set<Cohort>().SingleAsync(c => c.Id == ChangeAgentAcademy.Cohorts.Services.DemoCohortStep.DemoCohortId),
            Members = await db.Set<CohortMember>().CountAsync(m => m.CohortId == ChangeAgentAcademy.Cohorts.Services.DemoCohortStep.DemoCohortId),
            Trainees = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Trainee select ur).CountAsync(),
        });

        Assert.Equal(17, counts.People);
        Assert.Equal(2, counts.Teams);
        Assert.Equal(12, counts.Members);
        Assert.True(counts.Trainees >= 12);
        // Five to six weeks before the first run, on a Tuesday, so work is released on any date (a day's slack for the time zone).
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(DayOfWeek.Tuesday, counts.Cohort.StartDate.DayOfWeek);
        Assert.InRange(today.DayNumber - counts.Cohort.StartDate.DayNumber, 34, 42);
    }

    [Fact]
    public async Task DemoSeeding_RunTwice_ChangesNothing()
    {
        static async Task<(int, int, int, int, int, int)> Count(AppDbContext db) =>
            (await db.Users.CountAsync(), await db.Teams.CountAsync(), await db.UserRoles.CountAsync(), await db.Set<Cohort>().CountAsync(), await db.Set<CohortMember>().CountAsync(),
             await db.Set<ChangeAgentAcademy.Curriculum.Data.LessonCompletion>().CountAsync());

        var before = await site.WithScopeAsync((_, db) => Count(db));
        await site.WithScopeAsync(async (sp, _) =>
        {
            foreach (var step in sp.GetServices<IImportStep>().OrderBy(s => s.Order))
            {
                await step.RunAsync(new ImportContext(DemoMode: true, ContentRoot: site.DataFolder), CancellationToken.None);
            }
        });
        var after = await site.WithScopeAsync((_, db) => Count(db));

        Assert.Equal(before, after);
        Assert.True(before.Item6 > 0, "the demo trainees have some lessons done");
    }

    [Fact]
    public async Task Cohort_TrainerOfAnotherCohort_403AndAdministratorSeesIt()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        var cohortId = Guid.NewGuid();
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<Cohort>().Add(new Cohort { Id = cohortId, Name = "Spring cohort", StartDate = new DateOnly(2027, 3, 2), CreatedUtc = DateTime.UtcNow });
            db.Set<CohortTrainer>().Add(new CohortTrainer { CohortId = cohortId, UserId = trainer.Id });
            await db.SaveChangesAsync();
        });
        var other = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var own = await SiteClient.SignedInAsync(site, trainer.Email!, SiteClient.TestPassword);
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/cohorts/{cohortId}")).StatusCode);
        Assert.DoesNotContain("Spring cohort", await other.GetStringAsync("/cohorts"));
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/cohorts/{cohortId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/cohorts/{cohortId}")).StatusCode);
    }

    [Fact]
    public async Task TeamView_LeaderSeesOnlyOwnTeam()
    {
        var page = await (await SiteClient.SignedInAsync(site, "leader1@demo.local")).GetStringAsync("/team");

        Assert.Contains("Sara Lindgren", page);
        Assert.Contains("Oskar Nilsson", page);
        Assert.DoesNotContain("Freja Madsen", page);
        Assert.DoesNotContain("Rosenhaven", page);
    }

    [Fact]
    public async Task TraineeStartPage_ShowsOwnCohortAndTrainers()
    {
        var page = await (await SiteClient.SignedInAsync(site, "trainee3@demo.local")).GetStringAsync("/");

        Assert.Contains("My cohort", page);
        Assert.Contains("Karin Lundqvist", page);
        Assert.DoesNotContain("href=\"/cohorts\"", page);
        Assert.DoesNotContain("href=\"/admin/people\"", page);
    }

    [Fact]
    public async Task PeopleAdmin_CreatePerson_ListedWithRolesAndWelcomeMailQueued()
    {
        var client = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var email = $"new-{Guid.NewGuid():N}@test.local";

        var response = await client.PostFormAsync("/admin/people/new", "/admin/people/new", new List<KeyValuePair<string, string>>
        {
            new("DisplayName", "Nora Ny"), new("Email", email), new("Language", "da"), new("Roles", Roles.Trainee), new("Roles", Roles.Leader),
        });
        var list = await client.GetStringAsync("/admin/people?q=" + email);
        var state = await site.WithScopeAsync(async (sp, db) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(email);
            return (Roles: await users.GetRolesAsync(user!), Mail: await db.Set<OutboxMessage>().CountAsync(m => m.To == email), Audit: await db.Audit.CountAsync(a => a.Action == "people.created" && a.Subject == user!.Id.ToString()), user!.Language);
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Nora Ny", list);
        Assert.Equal([Roles.Leader, Roles.Trainee], state.Roles.Order());
        Assert.Equal(1, state.Mail);
        Assert.Equal(1, state.Audit);
        Assert.Equal("da", state.Language);
    }

    [Fact]
    public async Task PeopleAdmin_InvalidPerson_ErrorsAndTypedValuesComeBack_NothingSaved()
    {
        var client = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var before = await site.WithScopeAsync((_, db) => db.Users.CountAsync());

        var response = await client.PostFormAsync("/admin/people/new", "/admin/people/new", new List<KeyValuePair<string, string>>
        {
            new("DisplayName", "Kept Name"), new("Email", "trainee1@demo.local"), new("Language", "en"), new("TeamId", Guid.NewGuid().ToString()),
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var after = await site.WithScopeAsync((_, db) => db.Users.CountAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The e-mail address trainee1@demo.local is already in use.", page);
        Assert.Contains("Choose at least one role.", page);
        Assert.Contains("The team does not exist.", page);
        Assert.Contains("value=\"Kept Name\"", page);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task PeopleAdmin_PostByTrainer_403AndNothingSaved()
    {
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var page = await admin.GetStringAsync("/admin/people/new");
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var email = $"sneaky-{Guid.NewGuid():N}@test.local";

        var response = await trainer.PostFormAsync("/", "/admin/people/new", new List<KeyValuePair<string, string>>
        {
            new("DisplayName", "Sneaky"), new("Email", email), new("Language", "en"), new("Roles", Roles.Administrator),
        });

        Assert.Contains("AddPerson", page.Replace("Add a person", "AddPerson"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await site.WithScopeAsync((_, db) => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task Teams_AdministratorCreatesTeamWithLeader_AndDuplicateNameRefused()
    {
        var client = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var leader = await site.PersonAsync(Roles.Leader);
        var name = "Team " + Guid.NewGuid().ToString("N")[..6];

        var created = await client.PostFormAsync("/admin/teams/new", "/admin/teams/new", new() { ["Name"] = name, ["LeaderId"] = leader.Id.ToString() });
        var duplicate = await client.PostFormAsync("/admin/teams/new", "/admin/teams/new", new() { ["Name"] = name });
        var notLeader = await client.PostFormAsync("/admin/teams/new", "/admin/teams/new", new() { ["Name"] = name + "x", ["LeaderId"] = (await site.PersonAsync(Roles.Trainee)).Id.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("Another team already has that name.", await duplicate.Content.ReadAsStringAsync());
        Assert.Contains("The leader must be a person with the leader role.", await notLeader.Content.ReadAsStringAsync());
        Assert.Equal(1, await site.WithScopeAsync((_, db) => db.Teams.CountAsync(t => t.Name == name && t.LeaderId == leader.Id)));
    }

    [Fact]
    public async Task Outbox_DrainJob_SendsOnceEvenWhenRunTwice()
    {
        var to = $"outbox-{Guid.NewGuid():N}@test.local";
        await site.WithScopeAsync(async (sp, db) =>
        {
            await sp.GetRequiredService<ChangeAgentAcademy.Messaging.IEmailOutbox>().QueueAsync(new(to, "Hello", "Body", Key: "test:" + to));
            await sp.GetRequiredService<ChangeAgentAcademy.Messaging.IEmailOutbox>().QueueAsync(new(to, "Hello", "Body", Key: "test:" + to));
            await db.SaveChangesAsync();
        });

        await Task.WhenAll(RunDrain(), RunDrain());
        await RunDrain();
        var files = Directory.Exists(site.MailFolder)
            ? Directory.GetFiles(site.MailFolder, "*.eml").Count(f => File.ReadAllText(f).Contains(to))
            : 0;
        var sent = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().Where(m => m.To == to).Select(m => m.SentUtc).ToListAsync());

        Assert.Single(sent);
        Assert.NotNull(sent[0]);
        Assert.Equal(1, files);
    }

    private Task RunDrain() =>
        site.WithScopeAsync((sp, _) => sp.GetRequiredService<OutboxDrainJob>().RunAsync(CancellationToken.None));
}

public sealed class SqliteFoundationTests(SqliteSite site) : FoundationTests<SqliteSite>(site);

public sealed class PostgresFoundationTests(PostgresSite site) : FoundationTests<PostgresSite>(site);
