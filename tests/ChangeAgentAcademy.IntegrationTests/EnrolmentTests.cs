using System.Net;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>Cohorts and enrolment: leaders enrol, requests and approval, capacity and waiting list, on SQLite and PostgreSQL.</summary>
public abstract class EnrolmentTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private sealed record Unit(AppUser Leader, List<AppUser> Members);

    /// <summary>A fresh team: a leader and members with the trainee role.</summary>
    private async Task<Unit> TeamAsync(int members)
    {
        var leader = await site.PersonAsync(Roles.Leader);
        var teamId = Guid.NewGuid();
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Teams.Add(new Team { Id = teamId, Name = "Team " + teamId.ToString("N")[..8], LeaderId = leader.Id, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var list = new List<AppUser>();
        for (var i = 0; i < members; i++)
        {
            list.Add(await site.PersonAsync(Roles.Trainee, teamId));
        }

        return new Unit(leader, list);
    }

    private Task<Guid> CohortAsync(int capacity = 20, CohortTrack track = CohortTrack.Trainee, CohortStatus status = CohortStatus.Open) =>
        site.WithScopeAsync(async (_, db) =>
        {
            var id = Guid.NewGuid();
            db.Set<Cohort>().Add(new Cohort { Id = id, Name = "Cohort " + id.ToString("N")[..6], Track = track, Status = status, Capacity = capacity, StartDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), CreatedUtc = DateTime.UtcNow });
            var trainer = await db.Users.Where(u => u.Email == "trainer1@demo.local").Select(u => u.Id).FirstAsync();
            db.Set<CohortTrainer>().Add(new CohortTrainer { CohortId = id, UserId = trainer });
            await db.SaveChangesAsync();
            return id;
        });

    private Task<Dictionary<Guid, MemberStatus>> MembersAsync(Guid cohortId) =>
        site.WithScopeAsync((_, db) => db.Set<CohortMember>().Where(m => m.CohortId == cohortId).ToDictionaryAsync(m => m.UserId, m => m.Status));

    private static Task<HttpResponseMessage> EnrolAsync(SiteClient client, Guid cohortId, params Guid[] people) =>
        client.PostFormAsync("/team", "/team/enrol", people.Select(p => new KeyValuePair<string, string>("people", p.ToString())).Append(new("cohortId", cohortId.ToString())));

    [Fact]
    public async Task Leader_EnrolsTwoTeamMembersInOneAction_MailedAndAudited()
    {
        var unit = await TeamAsync(3);
        var cohort = await CohortAsync();
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);

        var response = await EnrolAsync(leader, cohort, unit.Members[0].Id, unit.Members[1].Id);
        var page = await leader.GetStringAsync("/team");
        var members = await MembersAsync(cohort);
        var mails = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().CountAsync(m => m.To == unit.Members[0].Email || m.To == unit.Members[1].Email));
        var audit = await site.WithScopeAsync((_, db) => db.Audit.CountAsync(a => a.Action == "cohorts.enrolled" && a.Subject == cohort.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("2 enrolled, 0 on the waiting list", page);
        Assert.Equal(2, members.Count);
        Assert.All(members.Values, s => Assert.Equal(MemberStatus.Enrolled, s));
        Assert.Equal(2, mails);
        Assert.Equal(2, audit);
    }

    [Fact]
    public async Task Leader_EnrolsSomeoneOutsideTheirTeam_403AndNothingSaved()
    {
        var mine = await TeamAsync(1);
        var other = await TeamAsync(1);
        var cohort = await CohortAsync();
        var leader = await SiteClient.SignedInAsync(site, mine.Leader.Email!, SiteClient.TestPassword);

        var response = await EnrolAsync(leader, cohort, mine.Members[0].Id, other.Members[0].Id);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await MembersAsync(cohort));
    }

    [Fact]
    public async Task Enrol_PastCapacity_Waitlist_WithdrawPromotesFirstInLine()
    {
        var unit = await TeamAsync(3);
        var cohort = await CohortAsync(capacity: 1);
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);

        await EnrolAsync(leader, cohort, unit.Members[0].Id);
        await EnrolAsync(leader, cohort, unit.Members[1].Id);
        await EnrolAsync(leader, cohort, unit.Members[2].Id);
        var before = await MembersAsync(cohort);
        var second = await SiteClient.SignedInAsync(site, unit.Members[1].Email!, SiteClient.TestPassword);
        var waitPage = await second.GetStringAsync("/enrol");
        var first = await SiteClient.SignedInAsync(site, unit.Members[0].Email!, SiteClient.TestPassword);
        var withdraw = await first.PostFormAsync("/enrol", $"/enrol/{cohort}/withdraw", new Dictionary<string, string> { ["confirmed"] = "true" });
        var after = await MembersAsync(cohort);
        var promotionMail = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().Where(m => m.To == unit.Members[1].Email).Select(m => m.Subject).ToListAsync());

        Assert.Equal([MemberStatus.Enrolled, MemberStatus.Waitlisted, MemberStatus.Waitlisted], unit.Members.Select(m => before[m.Id]));
        Assert.Contains("number 1 in line", waitPage);
        Assert.Equal(HttpStatusCode.Redirect, withdraw.StatusCode);
        Assert.Equal([MemberStatus.Withdrawn, MemberStatus.Enrolled, MemberStatus.Waitlisted], unit.Members.Select(m => after[m.Id]));
        Assert.Contains(promotionMail, s => s.StartsWith("A place is free for you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enrol_Duplicate_ClosedCohort_AndEmptyChoice_ClearMessagesNothingDoubled()
    {
        var unit = await TeamAsync(1);
        var cohort = await CohortAsync();
        var closed = await CohortAsync(status: CohortStatus.Closed);
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);

        await EnrolAsync(leader, cohort, unit.Members[0].Id);
        await EnrolAsync(leader, cohort, unit.Members[0].Id);
        var duplicate = WebUtility.HtmlDecode(await leader.GetStringAsync("/team"));
        await EnrolAsync(leader, closed, unit.Members[0].Id);
        var closedPage = WebUtility.HtmlDecode(await leader.GetStringAsync("/team"));
        await EnrolAsync(leader, cohort);
        var emptyPage = await leader.GetStringAsync("/team");

        Assert.Contains("already has a place", duplicate);
        Assert.Single(await MembersAsync(cohort));
        Assert.Contains("is closed for enrolment", closedPage);
        Assert.Empty(await MembersAsync(closed));
        Assert.Contains("Choose at least one person.", emptyPage);
    }

    [Fact]
    public async Task OneActiveCohortPerTrack_SecondEnrolmentRequestAndApprovalRefused_AfterTheFirstEndsAllowed()
    {
        var unit = await TeamAsync(2);
        var running = await CohortAsync();
        var next = await CohortAsync();
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);
        await EnrolAsync(leader, running, unit.Members[0].Id);

        // The leader enrols directly: refused with a message that names the running cohort.
        await EnrolAsync(leader, next, unit.Members[0].Id, unit.Members[1].Id);
        var refusedPage = WebUtility.HtmlDecode(await leader.GetStringAsync("/team"));
        var afterRefusal = await MembersAsync(next);

        // The trainee asks for the next cohort: refused too.
        var trainee = await SiteClient.SignedInAsync(site, unit.Members[0].Email!, SiteClient.TestPassword);
        await trainee.PostFormAsync("/enrol", $"/enrol/{next}/request", new Dictionary<string, string>());
        var requestPage = WebUtility.HtmlDecode(await trainee.GetStringAsync("/enrol"));
        var requests = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().CountAsync(r => r.UserId == unit.Members[0].Id && r.CohortId == next));

        // A request made before the place in the running cohort cannot be approved after it.
        var second = await SiteClient.SignedInAsync(site, unit.Members[1].Email!, SiteClient.TestPassword);
        await second.PostFormAsync("/enrol", $"/enrol/{next}/request", new Dictionary<string, string>());
        var otherRequest = await CohortAsync();
        await second.PostFormAsync("/enrol", $"/enrol/{otherRequest}/request", new Dictionary<string, string>());
        var oneRequestPage = WebUtility.HtmlDecode(await second.GetStringAsync("/enrol"));
        await EnrolAsync(leader, running, unit.Members[1].Id);
        var requestId = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().Where(r => r.UserId == unit.Members[1].Id && r.CohortId == next).Select(r => r.Id).SingleAsync());
        var approve = await leader.PostFormAsync("/team", $"/team/requests/{requestId}", new() { ["decision"] = "approve" });
        var approvePage = WebUtility.HtmlDecode(await leader.GetStringAsync("/team"));
        var stillPending = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync());

        // Once the running cohort has ended, the next one is open to them.
        await site.WithScopeAsync(async (_, db) => await db.Set<Cohort>().Where(c => c.Id == running).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CohortStatus.Closed)));
        var later = await EnrolAsync(leader, next, unit.Members[0].Id);

        Assert.Contains("One cohort at a time", refusedPage);
        Assert.Empty(afterRefusal);
        Assert.Contains("One cohort at a time", requestPage);
        Assert.Equal(0, requests);
        Assert.Contains("You have already asked for a place in", oneRequestPage);
        Assert.Equal(1, await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().CountAsync(r => r.UserId == unit.Members[1].Id)));
        Assert.Contains("One cohort at a time", approvePage);
        Assert.Equal(RequestStatus.Pending, stillPending);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal(MemberStatus.Enrolled, (await MembersAsync(next))[unit.Members[0].Id]);
    }

    [Fact]
    public async Task AfterAnEndedCohort_TeamAndReflectionsShowTheRunningOne()
    {
        var unit = await TeamAsync(1);
        var ended = await CohortAsync();
        var running = await CohortAsync();
        var person = unit.Members[0];
        await site.WithScopeAsync(async (_, db) =>
        {
            var now = DateTime.UtcNow;
            db.Set<CohortMember>().Add(new CohortMember { CohortId = ended, UserId = person.Id, Status = MemberStatus.Enrolled, EnrolledUtc = now.AddDays(-90), ChangedUtc = now });
            await db.SaveChangesAsync();
            await db.Set<Cohort>().Where(c => c.Id == ended).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CohortStatus.Closed).SetProperty(c => c.StartDate, DateOnly.FromDateTime(now).AddDays(30)));
        });
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);
        await EnrolAsync(leader, running, person.Id);
        var names = await site.WithScopeAsync((_, db) => db.Set<Cohort>().Where(c => c.Id == ended || c.Id == running).ToDictionaryAsync(c => c.Id, c => c.Name));

        var team = await leader.GetStringAsync("/team");
        var trainee = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var reflections = await trainee.GetStringAsync("/reflections");

        // The ended cohort starts later on paper (a date typed wrong), yet the running one is shown.
        Assert.Contains(names[running], team);
        Assert.DoesNotContain(names[ended], team);
        Assert.Contains(names[running], reflections);
    }

    [Fact]
    public async Task Request_LeaderApproves_TraineeEnrolledAndTold()
    {
        var unit = await TeamAsync(1);
        var cohort = await CohortAsync();
        var trainee = await SiteClient.SignedInAsync(site, unit.Members[0].Email!, SiteClient.TestPassword);

        var request = await trainee.PostFormAsync("/enrol", $"/enrol/{cohort}/request", new Dictionary<string, string>());
        await trainee.PostFormAsync("/enrol", $"/enrol/{cohort}/request", new Dictionary<string, string>());
        var againPage = WebUtility.HtmlDecode(await trainee.GetStringAsync("/enrol"));
        var leaderMail = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().CountAsync(m => m.To == unit.Leader.Email && m.Subject.Contains("asks for a place")));
        var requestId = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().Where(r => r.UserId == unit.Members[0].Id).Select(r => r.Id).SingleAsync());
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);
        var pending = await leader.GetStringAsync("/team");
        var approve = await leader.PostFormAsync("/team", $"/team/requests/{requestId}", new() { ["decision"] = "approve", ["message"] = "Welcome!" });
        var mine = await trainee.GetStringAsync("/enrol");

        Assert.Equal(HttpStatusCode.Redirect, request.StatusCode);
        Assert.Contains("You have already asked for a place", againPage);
        Assert.Equal(1, leaderMail);
        Assert.Contains("asks for a place", pending);
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        Assert.Equal(MemberStatus.Enrolled, (await MembersAsync(cohort))[unit.Members[0].Id]);
        Assert.Contains("approved", mine);
    }

    [Fact]
    public async Task Request_MessageNamingACitizen_WarnsKeepsTextDecidesNothing_SendAnywayCarriesTheDecision()
    {
        var unit = await TeamAsync(1);
        var cohort = await CohortAsync();
        var trainee = await SiteClient.SignedInAsync(site, unit.Members[0].Email!, SiteClient.TestPassword);
        await trainee.PostFormAsync("/enrol", $"/enrol/{cohort}/request", new Dictionary<string, string>());
        var requestId = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().Where(r => r.UserId == unit.Members[0].Id).Select(r => r.Id).SingleAsync());
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);
        const string message = "Not now: you are needed with Gunnel Andersson i hemtjänsten this spring.";

        var warned = await leader.PostFormAsync("/team", $"/team/requests/{requestId}", new() { ["decision"] = "decline", ["message"] = message });
        var body = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        var pending = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync());
        var sent = await leader.PostFormAsync("/team", $"/team/requests/{requestId}", new() { ["citizenDataConfirmed"] = "decline", ["message"] = message });
        var decided = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().AsNoTracking().SingleAsync(r => r.Id == requestId));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("citizen-warning", body);
        Assert.Contains("<mark", body);
        Assert.Contains($"value=\"{message}\"", body); // what was typed stays
        Assert.Contains("name=\"citizenDataConfirmed\" value=\"decline\"", body);
        Assert.Equal(ChangeAgentAcademy.Cohorts.Data.RequestStatus.Pending, pending);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal((ChangeAgentAcademy.Cohorts.Data.RequestStatus.Declined, message), (decided.Status, decided.Message));
    }

    [Fact]
    public async Task Request_LeaderDeclinesWithMessage_TraineeSeesMessage_NotEnrolled()
    {
        var unit = await TeamAsync(1);
        var cohort = await CohortAsync();
        var trainee = await SiteClient.SignedInAsync(site, unit.Members[0].Email!, SiteClient.TestPassword);
        await trainee.PostFormAsync("/enrol", $"/enrol/{cohort}/request", new Dictionary<string, string>());
        var requestId = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().Where(r => r.UserId == unit.Members[0].Id).Select(r => r.Id).SingleAsync());
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);

        await leader.PostFormAsync("/team", $"/team/requests/{requestId}", new() { ["decision"] = "decline", ["message"] = "Not this time.\n\nNext spring, when the rota allows" });
        var mine = await trainee.GetStringAsync("/enrol");
        var mail = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().Where(m => m.To == unit.Members[0].Email && m.Subject.StartsWith("Your request")).Select(m => m.TextBody).SingleAsync());

        Assert.Contains("declined", mine);
        // The leader's two paragraphs stay two.
        Assert.Contains("<p>Not this time.</p><p>Next spring, when the rota allows</p>", mine);
        Assert.Contains("Next spring, when the rota allows", mail);
        Assert.Empty(await MembersAsync(cohort));
    }

    [Fact]
    public async Task Request_DecidedByRequesterOrOtherLeader_403AndStillPending()
    {
        // A leader who is also a trainee in the team they lead cannot approve their own request.
        var unit = await TeamAsync(0);
        var cohort = await CohortAsync();
        await site.WithScopeAsync(async (sp, db) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByIdAsync(unit.Leader.Id.ToString()))!;
            user.TeamId = await db.Teams.Where(t => t.LeaderId == user.Id).Select(t => t.Id).FirstAsync();
            await users.UpdateAsync(user);
            await users.AddToRoleAsync(user, Roles.Trainee);
        });
        var self = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);
        await self.PostFormAsync("/enrol", $"/enrol/{cohort}/request", new Dictionary<string, string>());
        var requestId = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().Where(r => r.UserId == unit.Leader.Id).Select(r => r.Id).SingleAsync());
        var otherLeader = await SiteClient.SignedInAsync(site, "leader2@demo.local");

        var own = await self.PostFormAsync("/team", $"/team/requests/{requestId}", new() { ["decision"] = "approve" });
        var other = await otherLeader.PostFormAsync("/team", $"/team/requests/{requestId}", new() { ["decision"] = "approve" });
        var status = await site.WithScopeAsync((_, db) => db.Set<EnrolmentRequest>().Where(r => r.Id == requestId).Select(r => r.Status).SingleAsync());

        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal(RequestStatus.Pending, status);
        Assert.Empty(await MembersAsync(cohort));
    }

    [Fact]
    public async Task Leader_EnrolsThemselvesInLeaderTrack_ButNotInTraineeTrack()
    {
        var unit = await TeamAsync(0);
        var leaderTrack = await CohortAsync(track: CohortTrack.Leader);
        var traineeTrack = await CohortAsync();
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);

        await EnrolAsync(leader, leaderTrack, unit.Leader.Id);
        var own = await EnrolAsync(leader, traineeTrack, unit.Leader.Id);

        Assert.Equal(MemberStatus.Enrolled, (await MembersAsync(leaderTrack))[unit.Leader.Id]);
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Empty(await MembersAsync(traineeTrack));
    }

    [Fact]
    public async Task CreateCohort_BadInput_LocalizedErrorsTypedValuesKept_NothingSaved()
    {
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var before = await site.WithScopeAsync((_, db) => db.Set<Cohort>().CountAsync());

        var response = await trainer.PostFormAsync("/cohorts/new", "/cohorts/new", new()
        {
            ["Name"] = "Kept cohort name", ["Language"] = "sv", ["Track"] = "Trainee", ["StartDate"] = "2020-01-07", ["CadenceWeeks"] = "0",
            ["CadenceDay"] = "Tuesday", ["ReleaseTime"] = "08:00", ["TimeZone"] = "Mars/Olympus", ["Capacity"] = "12",
        });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The start date has passed.", page);
        Assert.Contains("a module cannot open every 0 weeks", page);
        Assert.Contains("'Mars/Olympus' is not a time zone.", page);
        Assert.Contains("Choose at least one trainer from the list.", page);
        Assert.Contains("value=\"Kept cohort name\"", page);
        Assert.Equal(before, await site.WithScopeAsync((_, db) => db.Set<Cohort>().CountAsync()));
    }

    [Fact]
    public async Task CreateCohort_Valid_CalendarOfSevenModules()
    {
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var trainerId = await site.WithScopeAsync((_, db) => db.Users.Where(u => u.Email == "trainer1@demo.local").Select(u => u.Id).FirstAsync());
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);

        var response = await trainer.PostFormAsync("/cohorts/new", "/cohorts/new", new()
        {
            ["Name"] = "Spring change agents", ["Language"] = "da", ["Track"] = "Trainee", ["StartDate"] = start.ToString("yyyy-MM-dd"), ["CadenceWeeks"] = "2",
            ["CadenceDay"] = "Wednesday", ["ReleaseTime"] = "08:30", ["TimeZone"] = "Europe/Copenhagen", ["Capacity"] = "15", ["TrainerIds"] = trainerId.ToString(),
        });
        var details = await trainer.GetStringAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Module 7", details);
        Assert.DoesNotContain("Module 8", details);
        Assert.Contains("Citizen-centred conversations", details);
        Assert.Equal(7, System.Text.RegularExpressions.Regex.Matches(details, "<time datetime=").Count);
        Assert.Contains("08:30", details);
    }

    [Fact]
    public async Task CohortView_Trainer_MembersWithProgress_AtMostFiveQueries()
    {
        var unit = await TeamAsync(2);
        var cohort = await CohortAsync();
        await EnrolAsync(await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword), cohort, unit.Members[0].Id, unit.Members[1].Id);
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        await trainer.GetAsync($"/cohorts/{cohort}");
        site.Queries.Reset();

        var page = await trainer.GetStringAsync($"/cohorts/{cohort}");

        Assert.Contains(unit.Members[1].DisplayName, page);
        Assert.Contains("0 of 31 lessons", page);
        // Cohort with trainers, members, lessons done, assignment counts (the programme's outline is a per-node snapshot),
        // and since #17 the members' completion status (rules met, certificate yes/no): one query for the whole cohort.
        Assert.InRange(site.Queries.For($"/cohorts/{cohort}"), 1, 5);
    }

    [Fact]
    public async Task EditCohort_MorePlaces_WaitingListMovesUpAtOnce_AndIsTold()
    {
        var unit = await TeamAsync(3);
        var cohort = await CohortAsync(capacity: 1);
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);
        await EnrolAsync(leader, cohort, unit.Members[0].Id, unit.Members[1].Id, unit.Members[2].Id);
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var trainerId = await site.WithScopeAsync((_, db) => db.Users.Where(u => u.Email == "trainer1@demo.local").Select(u => u.Id).FirstAsync());
        var row = await site.WithScopeAsync((_, db) => db.Set<Cohort>().AsNoTracking().SingleAsync(c => c.Id == cohort));

        var edit = await trainer.PostFormAsync($"/cohorts/{cohort}/edit", $"/cohorts/{cohort}/edit", new()
        {
            ["Name"] = row.Name, ["Language"] = row.Language, ["Track"] = "Trainee", ["StartDate"] = row.StartDate.ToString("yyyy-MM-dd"), ["CadenceWeeks"] = "2",
            ["CadenceDay"] = "Tuesday", ["ReleaseTime"] = "08:00", ["TimeZone"] = "Europe/Copenhagen", ["Capacity"] = "2", ["Status"] = "Open", ["TrainerIds"] = trainerId.ToString(),
        });
        var members = await MembersAsync(cohort);
        var told = await site.WithScopeAsync((_, db) => db.Set<OutboxMessage>().CountAsync(m => m.To == unit.Members[1].Email && m.Subject.StartsWith("A place is free for you")));

        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Equal([MemberStatus.Enrolled, MemberStatus.Enrolled, MemberStatus.Waitlisted], unit.Members.Select(m => members[m.Id]));
        Assert.Equal(1, told);
    }

    [Fact]
    public async Task EditCohort_TrainerOfAnotherCohort_403()
    {
        var cohort = await CohortAsync();
        var other = await SiteClient.SignedInAsync(site, "trainer2@demo.local");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/cohorts/{cohort}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync("/cohorts", $"/cohorts/{cohort}/remove/{Guid.NewGuid()}", new Dictionary<string, string>())).StatusCode);
    }

    [Fact]
    public async Task RemoveParticipant_FirstPostOnlyAsks_ConfirmedPostRemoves_OthersRefused()
    {
        var unit = await TeamAsync(1);
        var cohort = await CohortAsync();
        var person = unit.Members[0];
        await EnrolAsync(await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword), cohort, person.Id);
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var url = $"/cohorts/{cohort}/remove/{person.Id}";
        var confirm = new Dictionary<string, string> { ["confirmed"] = "true" };

        var asked = await trainer.PostFormAsync($"/cohorts/{cohort}", url, new Dictionary<string, string>());
        var question = System.Net.WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync());
        var afterAsking = (await MembersAsync(cohort))[person.Id];
        var otherTrainer = await (await SiteClient.SignedInAsync(site, "trainer2@demo.local")).PostFormAsync("/cohorts", url, confirm);
        var trainee = await (await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword)).PostFormAsync("/learn", url, confirm);
        var afterRefusals = (await MembersAsync(cohort))[person.Id];
        var confirmed = await trainer.PostFormAsync($"/cohorts/{cohort}", url, confirm);

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains($"Remove {person.DisplayName} from Cohort ", question);
        Assert.Contains("name=\"confirmed\" value=\"true\"", question);
        Assert.Equal(MemberStatus.Enrolled, afterAsking);
        Assert.Equal(HttpStatusCode.Forbidden, otherTrainer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, trainee.StatusCode);
        Assert.Equal(MemberStatus.Enrolled, afterRefusals);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(MemberStatus.Withdrawn, (await MembersAsync(cohort))[person.Id]);
    }

    [Fact]
    public async Task TeamView_ProgressExportsAndAtMostFiveQueries()
    {
        var unit = await TeamAsync(2);
        var cohort = await CohortAsync();
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);
        await EnrolAsync(leader, cohort, unit.Members[0].Id);
        var reader = await SiteClient.SignedInAsync(site, unit.Members[0].Email!, SiteClient.TestPassword);
        await reader.PostFormAsync("/learn/m1-role-and-mandate/l1-co-creation", "/learn/m1-role-and-mandate/l1-co-creation/done", new() { ["done"] = "true" });
        await leader.GetAsync("/team");
        site.Queries.Reset();

        var page = await leader.GetStringAsync("/team");
        var queries = site.Queries.For("/team");
        var csv = await leader.GetStringAsync("/team/export.csv");
        var xlsx = await (await leader.GetAsync("/team/export.xlsx")).Content.ReadAsByteArrayAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        Assert.Contains("1 of 31 lessons", page);
        // Teams with members and cohorts, lessons done, assignment counts, open cohorts, and since #17 the members'
        // completion status (rules met, certificate yes/no): one query for every member of every team.
        Assert.InRange(queries, 1, 5);
        Assert.Contains($"\"{unit.Members[0].DisplayName}\"", csv);
        Assert.Contains("\"1\",\"31\"", csv);
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => (string)r["Name"] == unit.Members[0].DisplayName && r["Lessons done"]?.ToString() == "1");
    }

    [Fact]
    public async Task TeamView_MembersProgressShowsOnTheNextRequest()
    {
        var unit = await TeamAsync(1);
        var cohort = await CohortAsync();
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);
        await EnrolAsync(leader, cohort, unit.Members[0].Id);
        var before = await leader.GetStringAsync("/team");

        var reader = await SiteClient.SignedInAsync(site, unit.Members[0].Email!, SiteClient.TestPassword);
        await reader.PostFormAsync("/learn/m1-role-and-mandate/l1-co-creation", "/learn/m1-role-and-mandate/l1-co-creation/done", new() { ["done"] = "true" });
        site.Queries.Reset();
        var after = await leader.GetStringAsync("/team");

        Assert.Contains("0 of 31 lessons", before);
        Assert.Contains("1 of 31 lessons", after);
        Assert.InRange(site.Queries.For("/team"), 1, 5);
    }

    [Fact]
    public async Task TeamView_AfterIdle_StillAtMostFiveQueries_RefresherKeepsGenerationFresh()
    {
        var unit = await TeamAsync(1);
        var leader = await SiteClient.SignedInAsync(site, unit.Leader.Email!, SiteClient.TestPassword);
        await leader.GetAsync("/team");

        // Longer than the refresher's interval and the old 2-second overview cache: the request that
        // follows idle time must not pay for the generation lookup itself.
        await Task.Delay(GenerationRefresher.Interval * 2.5);
        site.Queries.Reset();
        await leader.GetStringAsync("/team");
        Assert.InRange(site.Queries.For("/team"), 1, 5); // four, and the completion status since #17

        // A generation bumped elsewhere (another node published) reaches this node's watch within a few intervals.
        var watch = site.Services.GetRequiredService<GenerationWatch>();
        Assert.True(watch.TryGetFresh(out var before));
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await db.Set<CurriculumGeneration>().Where(g => g.Id == 1).ExecuteUpdateAsync(u => u.SetProperty(g => g.Generation, g => g.Generation + 1));
        }

        var deadline = DateTime.UtcNow + GenerationRefresher.Interval * 4;
        long now;
        while ((!watch.TryGetFresh(out now) || now == before) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(now > before, $"the watch still says generation {now}");
    }
}

public sealed class SqliteEnrolmentTests(SqliteSite site) : EnrolmentTests<SqliteSite>(site);

public sealed class PostgresEnrolmentTests(PostgresSite site) : EnrolmentTests<PostgresSite>(site);
