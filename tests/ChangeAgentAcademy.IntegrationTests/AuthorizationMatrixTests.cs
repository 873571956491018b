using System.Diagnostics;
using System.Net;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Issue 12's keeper: every route the app declares (its own EndpointDataSource) × every role × an id of
/// the requester's own data and an id of someone else's. The table says which roles may get a 2xx (or a
/// redirect to content) with their own ids and with foreign ids; anything else must be refused, and a
/// route missing from the table fails the test. Posts carry a valid antiforgery token and an empty form,
/// so a refusal comes from authorization, not antiforgery.
/// </summary>
public abstract class AuthorizationMatrixTests<TSite>(TSite site, ITestOutputHelper output) : IClassFixture<TSite> where TSite : SiteFactory
{
    // Who may get a 2xx or a redirect to content: "Trainee" with own ids, "Trainee*" with foreign ids; "" nobody.
    // Foreign ids that are no one's (curriculum keys, the demo workshop, the schedule row) count as both.
    // Reviewed entry by entry when written (December 2026); change an entry only with a reason.
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["GET "] = "Administrator Leader Trainee Trainer",
        // Privacy (#15): one's own data for everyone signed in; the officer's pages for administrators (and the data protection officer, not a role of this matrix).
        ["GET account/data"] = "Administrator Leader Trainee Trainer",
        ["GET account/data/exports/{id:guid}"] = "", // no export has the matrix's ids
        ["POST account/data/export"] = "Administrator Leader Trainee Trainer",
        ["POST account/data/erasure"] = "Administrator Leader Trainee Trainer", // an unconfirmed post only asks
        ["POST account/data/erasure/{id:guid}/withdraw"] = "", // only one's own waiting request; the matrix's ids are no one's request
        ["GET account/data/record"] = "Administrator Leader Trainee Trainer", // what the site keeps about people, for everyone signed in
        ["GET privacy"] = "Administrator",
        ["GET privacy/people/{id:guid}/erase"] = "Administrator Administrator*",
        ["POST privacy/people/{id:guid}/erase"] = "Administrator Administrator*", // an unconfirmed post goes back to the confirmation step
        ["POST privacy/people/{id:guid}/export"] = "Administrator Administrator*",
        ["GET privacy/retention"] = "Administrator",
        ["GET privacy/record"] = "Administrator",
        ["GET account/forgot"] = "Administrator Anonymous Leader Trainee Trainer",
        ["GET account/password"] = "Administrator Leader Trainee Trainer",
        ["GET account/reset"] = "Administrator Anonymous Leader Trainee Trainer",
        ["GET account/signin"] = "Administrator Anonymous Leader Trainee Trainer",
        // Audit module (#15): administrators and the data protection officer (not a role of the matrix's demo people).
        ["GET admin/audit"] = "Administrator",
        ["GET admin/audit/csv"] = "Administrator",
        ["GET admin/jobs/{**path}"] = "Administrator Administrator*",
        ["GET admin/people"] = "Administrator",
        ["GET admin/people/import"] = "Administrator",
        ["GET admin/people/new"] = "Administrator",
        ["GET admin/people/{id:guid}"] = "Administrator Administrator*",
        ["GET admin/teams"] = "Administrator",
        ["GET admin/teams/new"] = "Administrator",
        ["GET admin/teams/{id:guid}"] = "Administrator Administrator*",
        ["GET calendar"] = "Administrator Leader Trainee Trainer",
        ["GET calendar/{token}.ics"] = "Administrator* Anonymous Anonymous* Leader* Trainee Trainee* Trainer*", // the secret in the URL is the credential (calendar apps cannot sign in)
        ["GET cohorts"] = "Administrator Trainer",
        ["GET cohorts/new"] = "Administrator Trainer",
        ["GET cohorts/{id:guid}"] = "Administrator Administrator* Trainer",
        ["GET cohorts/{id:guid}/edit"] = "Administrator Administrator* Trainer",
        ["GET curriculum/admin"] = "Administrator Trainer",
        ["GET curriculum/admin/diff/{module}/{lesson}/{language}"] = "",
        ["GET curriculum/admin/edit/{module}/{lesson}/{language}"] = "Administrator Administrator* Trainer Trainer*",
        ["GET curriculum/admin/history/{module}/{lesson}/{language}"] = "Administrator Administrator* Trainer Trainer*",
        ["GET enrol"] = "Leader Trainee",
        ["GET error"] = "",
        ["GET error/{code:int}"] = "",
        ["GET health"] = "Administrator Anonymous Leader Trainee Trainer",
        ["GET inbox"] = "Administrator Leader Trainee Trainer",
        ["GET inbox/settings"] = "Administrator Leader Trainee Trainer",
        ["GET learn"] = "Administrator Leader Trainee Trainer",
        ["GET learn/kit"] = "Administrator Leader Trainee Trainer",
        ["GET learn/kit/{doc}"] = "Administrator Administrator* Trainer Trainer*",
        ["GET learn/{module}"] = "Administrator Administrator* Leader Leader* Trainee Trainee* Trainer Trainer*",
        ["GET learn/{module}/{lesson}"] = "Administrator Administrator* Leader Leader* Trainee Trainee* Trainer Trainer*",
        ["GET logs"] = "Leader Trainee",
        ["GET logs/{id:long}"] = "Trainee",
        ["GET reflections"] = "Leader Trainee",
        ["GET reflections/{id:long}"] = "Trainee",
        ["GET reflections/{id:long}/draft"] = "Trainee", // back to the assignment (a POST-only address reached by GET)
        ["GET reflections/{id:long}/submit"] = "Trainee",
        ["GET review"] = "Trainer",
        ["GET review/{id:long}"] = "Trainer Trainer*",
        ["GET schedule/{cohortId:guid}"] = "Administrator Administrator* Trainer",
        ["GET supervision"] = "Administrator Leader Trainee Trainer",
        ["GET supervision/new"] = "Administrator Trainer",
        ["GET supervision/{groupId:guid}"] = "Administrator Administrator* Trainee Trainer",
        ["GET supervision/{groupId:guid}/contract"] = "Trainer",
        ["GET supervision/{groupId:guid}/evaluation"] = "Administrator Administrator* Trainee Trainer",
        ["GET supervision/{groupId:guid}/sessions/{sessionId:long}"] = "Trainee Trainer",
        ["GET team"] = "Leader",
        ["GET team/export.csv"] = "Leader",
        ["GET team/export.xlsx"] = "Leader",
        ["GET workshops"] = "Administrator Leader Trainee Trainer",
        ["GET workshops/new"] = "Administrator Trainer",
        ["GET workshops/requests"] = "Administrator Leader Trainer",
        ["GET workshops/{id:guid}"] = "Administrator Administrator* Leader Leader* Trainee Trainee* Trainer Trainer*",
        ["POST account/forgot"] = "Administrator Anonymous Leader Trainee Trainer",
        ["POST account/password"] = "Administrator Leader Trainee Trainer",
        ["POST account/reset"] = "Administrator Anonymous Leader Trainee Trainer",
        ["POST account/signin"] = "Administrator Anonymous Leader Trainee Trainer",
        ["POST account/signout"] = "",
        ["POST account/signout-everywhere"] = "",
        // Going live (#16): signing in with the directory; not configured in this site, so each answers 404 or returns to the sign-in page.
        ["GET account/external/done"] = "",
        ["GET account/external/failed"] = "",
        ["POST account/external"] = "",
        ["POST admin/jobs/{**path}"] = "Administrator Administrator*",
        ["POST admin/people/import"] = "Administrator",
        ["POST admin/people/import/apply"] = "",
        ["POST admin/people/new"] = "Administrator",
        ["POST admin/people/{id:guid}"] = "Administrator Administrator*",
        ["POST admin/teams/new"] = "Administrator",
        ["POST admin/teams/{id:guid}"] = "Administrator Administrator*",
        ["POST calendar/renew"] = "Administrator Leader Trainee Trainer",
        ["POST cohorts/new"] = "Administrator Trainer",
        ["POST cohorts/{id:guid}/edit"] = "Administrator Administrator* Trainer",
        ["POST cohorts/{id:guid}/remove/{personId:guid}"] = "Administrator Administrator* Trainer",
        ["POST curriculum/admin/conflicts/{id:long}/{choice}"] = "",
        ["POST curriculum/admin/edit/{module}/{lesson}/{language}"] = "Administrator Administrator* Trainer Trainer*",
        ["POST curriculum/admin/import"] = "Administrator Trainer",
        ["POST curriculum/admin/preview"] = "Administrator Trainer",
        ["POST curriculum/admin/restore/{module}/{lesson}/{language}/{id:long}"] = "",
        ["POST enrol/{cohortId:guid}/request"] = "Leader Leader* Trainee Trainee*",
        ["POST enrol/{cohortId:guid}/withdraw"] = "Leader Leader* Trainee Trainee*",
        ["POST error"] = "",
        ["POST error/{code:int}"] = "",
        ["POST health"] = "Administrator Anonymous Leader Trainee Trainer",
        ["POST inbox/read-all"] = "Administrator Leader Trainee Trainer",
        ["POST inbox/settings"] = "",
        ["POST inbox/{id:guid}/read"] = "Trainee",
        ["POST language"] = "",
        ["POST learn/{module}/{lesson}/done"] = "Administrator Administrator* Leader Leader* Trainee Trainee* Trainer Trainer*",
        ["POST logs/new"] = "",
        ["POST logs/{id:long}"] = "",
        ["POST reflections/{id:long}/draft"] = "Trainee",
        ["POST reflections/{id:long}/submit"] = "",
        ["POST review/{id:long}"] = "",
        ["POST schedule/{cohortId:guid}/extend/{workId:long}"] = "",
        ["POST schedule/{cohortId:guid}/move/{scheduleId:long}"] = "Administrator Trainer",
        ["POST supervision/new"] = "",
        ["POST supervision/{groupId:guid}/agree"] = "Trainee",
        ["POST supervision/{groupId:guid}/contract"] = "",
        ["POST supervision/{groupId:guid}/evaluation"] = "",
        ["POST supervision/{groupId:guid}/leave"] = "Trainee",
        ["POST supervision/{groupId:guid}/members"] = "Administrator Administrator* Trainer",
        ["POST supervision/{groupId:guid}/members/{personId:guid}/remove"] = "Administrator Administrator* Trainer",
        ["POST supervision/{groupId:guid}/sessions"] = "",
        ["POST supervision/{groupId:guid}/sessions/{sessionId:long}/attendance"] = "Trainer",
        ["POST supervision/{groupId:guid}/sessions/{sessionId:long}/cancel"] = "Trainer",
        ["POST supervision/{groupId:guid}/sessions/{sessionId:long}/move"] = "",
        ["POST supervision/{groupId:guid}/sessions/{sessionId:long}/notes"] = "Trainer",
        ["POST supervision/{groupId:guid}/sessions/{sessionId:long}/swap"] = "Trainer",
        ["POST team/enrol"] = "Leader",
        ["POST team/requests/{id:guid}"] = "",
        ["POST team/withdraw"] = "Leader",
        ["POST workshops/new"] = "",
        ["POST workshops/requests"] = "",
        ["POST workshops/requests/{id:guid}/decline"] = "",
        ["POST workshops/requests/{id:guid}/schedule"] = "",
        ["POST workshops/{id:guid}/book"] = "Leader Trainee",
        ["POST workshops/{id:guid}/cancel"] = "Leader Leader* Trainee Trainee*", // the demo workshop is no one's (own = foreign id): an unconfirmed post asks and leaves the booking standing, so the second post asks again
        ["POST workshops/{id:guid}/cancel-session"] = "Administrator Administrator*", // as above: the unconfirmed post only asks
        ["POST workshops/{id:guid}/ideas"] = "",
        ["POST workshops/{id:guid}/ideas/{ideaId:long}/pdsa"] = "",
        ["POST workshops/{id:guid}/ideas/{ideaId:long}/remove"] = "",
        ["POST workshops/{id:guid}/record"] = "Administrator Administrator*", // an administrator may record any session; it showed "" only because the unconfirmed cancel-session post had cancelled the demo workshop before
        // Outcomes (#17): rules and the certificate list for administrators; a PDF only for its owner and administrators
        // (the matrix's id "1" is no certificate); the verification page is public but "404" is no code.
        ["GET certificates"] = "Administrator",
        ["GET certificates/{id:guid}/pdf"] = "",
        ["GET outcomes/rules"] = "Administrator",
        ["GET programme"] = "Administrator",
        ["GET programme/cohorts.csv"] = "Administrator",
        ["GET programme/teams.csv"] = "Administrator",
        ["GET programme/trend.csv"] = "Administrator",
        ["GET verify/{code}"] = "",
        ["POST certificates/issue"] = "Administrator",
        ["POST certificates/{id:guid}/revoke"] = "",
        ["POST outcomes/rules/{track}"] = "",

        // Reflections: review with rubrics (#17), the trainer's own comment bank. An empty post is refused (400);
        // deleting one's own saved comment redirects; another trainer's comment is a 404.
        ["GET review/comments"] = "Trainer",
        ["POST review/comments"] = "",
        ["POST review/comments/{commentId:long}"] = "",
        ["POST review/comments/{commentId:long}/delete"] = "Trainer",
        ["GET curriculum/admin/rubric/{module}/{lesson}/{language}"] = "", // the matrix's lesson (l1-co-creation) has no rubric: 404 for everyone (RubricAuthoringTests covers an assignment)
        ["POST curriculum/admin/rubric/{module}/{lesson}/{language}"] = "",
    };

    [Fact]
    public async Task EveryRoute_EveryRole_OwnAndForeignIds_OnlyTheTableGrants()
    {
        var clock = Stopwatch.StartNew();
        var ids = await WorldsAsync();
        var routes = RouteCatalog.Discover(site).Where(r => r.Method is "GET" or "POST").ToList();
        var roles = new (string Role, string Email)[] { ("Anonymous", ""), ("Trainee", "trainee1@demo.local"), ("Trainer", "trainer2@demo.local"), ("Leader", "leader1@demo.local"), ("Administrator", "admin@demo.local") };
        var problems = new List<string>();
        var observed = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var sent = 0;
        foreach (var (role, email) in roles)
        {
            var client = email == "" ? SiteClient.For(site) : await SiteClient.SignedInAsync(site, email);
            var token = await client.TokenAsync(email == "" ? "/account/signin" : "/account/password");
            // Gets first, then posts; signing out last, so one role's session lasts its whole row.
            foreach (var route in routes.OrderBy(r => r.Method == "POST").ThenBy(r => r.Key.StartsWith("POST account/signout", StringComparison.Ordinal)))
            {
                foreach (var foreign in route.Parameters.Any() ? new[] { false, true } : [false])
                {
                    var path = route.Fill(p => ids.Value(route.Key, p, foreign));
                    var response = route.Method == "GET"
                        ? await client.Http.GetAsync(path)
                        : await client.Http.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                    sent++;
                    var status = (int)response.StatusCode;
                    var location = response.Headers.Location?.OriginalString ?? "";
                    var granted = status is >= 200 and < 300 || (status is >= 300 and < 400 && !location.Contains("/account/signin", StringComparison.OrdinalIgnoreCase) && !location.Contains("/error/"));
                    if (granted)
                    {
                        observed.TryAdd(route.Key, []);
                        observed[route.Key].Add(role + (foreign ? "*" : ""));
                    }

                    if (!Expected.TryGetValue(route.Key, out var allowed))
                    {
                        continue;
                    }

                    var may = allowed.Split(' ').Any(a => a.TrimEnd('*') == role && (!foreign || a.EndsWith('*')));
                    if (granted && !may)
                    {
                        problems.Add($"{role} got {status} {location} for {route.Method} {path} ({(foreign ? "foreign" : "own")} ids; route {route.Key})");
                    }
                }
            }
        }

        output.WriteLine($"{sent} requests, {routes.Count} routes × 5 roles × own/foreign ids, in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var (key, granted) in observed)
        {
            output.WriteLine($"        [\"{key}\"] = \"{string.Join(" ", granted)}\",");
        }

        var missing = routes.Select(r => r.Key).Where(k => !Expected.ContainsKey(k)).Distinct().ToList();
        var stale = Expected.Keys.Where(k => routes.All(r => r.Key != k)).ToList();
        Assert.True(missing.Count == 0, "routes without an entry in the table (add what each role may get):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "table entries for routes that no longer exist:\n" + string.Join("\n", stale));
        Assert.True(problems.Count == 0, "unexpected grants:\n" + string.Join("\n", problems));
    }

    /// <summary>Ids of the demo people's own data (world A) and of a second world none of them belongs to (world B).</summary>
    private async Task<Ids> WorldsAsync()
    {
        var trainerB = await site.PersonAsync(Roles.Trainer);
        var leaderB = await site.PersonAsync(Roles.Leader);
        var teamB = Guid.NewGuid();
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Teams.Add(new Team { Id = teamB, Name = "Team B", LeaderId = leaderB.Id, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });
        var traineeB = await site.PersonAsync(Roles.Trainee, teamB);
        return await site.WithScopeAsync(async (sp, db) =>
        {
            var trainee1 = await db.Users.Where(u => u.Email == "trainee1@demo.local").Select(u => u.Id).SingleAsync();
            var trainee2 = await db.Users.Where(u => u.Email == "trainee2@demo.local").Select(u => u.Id).SingleAsync();
            var cohortA = await db.Set<Cohort>().Select(c => c.Id).FirstAsync();
            var a = await db.Set<Cohort>().AsNoTracking().FirstAsync();
            var cohortB = Guid.NewGuid();
            db.Set<Cohort>().Add(new Cohort
            {
                Id = cohortB, Name = "Cohort B", Track = a.Track, Status = CohortStatus.Open, Capacity = 10, StartDate = a.StartDate, CadenceWeeks = a.CadenceWeeks,
                CadenceDay = a.CadenceDay, ReleaseTime = a.ReleaseTime, TimeZone = a.TimeZone, Language = a.Language, CreatedUtc = DateTime.UtcNow,
            });
            db.Set<CohortTrainer>().Add(new CohortTrainer { CohortId = cohortB, UserId = trainerB.Id });
            db.Set<CohortMember>().Add(new CohortMember { CohortId = cohortB, UserId = traineeB.Id, Status = MemberStatus.Enrolled, EnrolledUtc = DateTime.UtcNow, ChangedUtc = DateTime.UtcNow });
            var requestA = new EnrolmentRequest { Id = Guid.NewGuid(), CohortId = cohortB, UserId = await db.Users.Where(u => u.Email == "trainee7@demo.local").Select(u => u.Id).SingleAsync(), Status = ChangeAgentAcademy.Cohorts.Data.RequestStatus.Pending, RequestedUtc = DateTime.UtcNow };
            var requestB = new EnrolmentRequest { Id = Guid.NewGuid(), CohortId = cohortA, UserId = traineeB.Id, Status = ChangeAgentAcademy.Cohorts.Data.RequestStatus.Pending, RequestedUtc = DateTime.UtcNow };
            db.Set<EnrolmentRequest>().AddRange(requestA, requestB);
            var noticeA = new InboxItem { Id = Guid.NewGuid(), Key = "matrix:a", UserId = trainee1, Subject = "A", Body = "A", CreatedUtc = DateTime.UtcNow };
            var noticeB = new InboxItem { Id = Guid.NewGuid(), Key = "matrix:b", UserId = traineeB.Id, Subject = "B", Body = "B", CreatedUtc = DateTime.UtcNow };
            db.Set<InboxItem>().AddRange(noticeA, noticeB);
            await db.SaveChangesAsync();

            var supervision = sp.GetRequiredService<SupervisionService>();
            var groupA = await db.Set<SupervisionGroup>().Select(g => g.Id).FirstAsync();
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            Guid? groupB = (await supervision.CreateAsync(new NewGroup("Group B", trainerB.Id, [traineeB.Id], today.AddDays(1), today.AddDays(1).DayOfWeek, new TimeOnly(13, 0), null), trainerB.Id)).Value;
            var sessionA = await db.Set<SupervisionSession>().Where(s => s.GroupId == groupA).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var sessionB = await db.Set<SupervisionSession>().Where(s => s.GroupId == groupB).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var logs = sp.GetRequiredService<IPracticalLogs>();
            var logA = long.Parse((await logs.StartPdsaAsync(trainee1, "A", "matrix:a"))!.Split('/').Last());
            var logB = long.Parse((await logs.StartPdsaAsync(traineeB.Id, "B", "matrix:b"))!.Split('/').Last());
            var workA = await db.Set<AssignmentWork>().Where(w => w.UserId == trainee1).OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
            var workB = await db.Set<AssignmentWork>().Where(w => w.UserId == trainee2).OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
            var schedule = await db.Set<ScheduledAssignment>().Where(s => s.CohortId == cohortA).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var workshop = await db.Set<WorkshopSession>().OrderBy(w => w.Id).Select(w => w.Id).FirstAsync();
            var feeds = sp.GetRequiredService<CalendarFeedService>();
            var tokenA = (await feeds.TokenAsync(trainee1, renew: true))!;
            var tokenB = (await feeds.TokenAsync(traineeB.Id, renew: true))!;
            var teamA = await db.Users.Where(u => u.Id == trainee1).Select(u => u.TeamId!.Value).SingleAsync();
            var trainer2 = await db.Users.Where(u => u.Email == "trainer2@demo.local").Select(u => u.Id).SingleAsync();
            var commentA = new SavedComment { OwnerId = trainer2, Text = "A", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow };
            var commentB = new SavedComment { OwnerId = trainerB.Id, Text = "B", CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow };
            db.Set<SavedComment>().AddRange(commentA, commentB);
            await db.SaveChangesAsync();
            return new Ids(new Dictionary<string, (string, string)>
            {
                ["person"] = (trainee1.ToString(), traineeB.Id.ToString()),
                ["team"] = (teamA.ToString(), teamB.ToString()),
                ["cohort"] = (cohortA.ToString(), cohortB.ToString()),
                ["group"] = (groupA.ToString(), groupB!.Value.ToString()),
                ["session"] = (sessionA.ToString(), sessionB.ToString()),
                ["notice"] = (noticeA.Id.ToString(), noticeB.Id.ToString()),
                ["log"] = (logA.ToString(), logB.ToString()),
                ["work"] = (workA.ToString(), workB.ToString()),
                ["schedule"] = (schedule.ToString(), schedule.ToString()),
                ["request"] = (requestA.Id.ToString(), requestB.Id.ToString()),
                ["workshop"] = (workshop.ToString(), workshop.ToString()),
                ["comment"] = (commentA.Id.ToString(), commentB.Id.ToString()),
                ["token"] = (tokenA, tokenB),
            });
        });
    }

    private sealed record Ids(Dictionary<string, (string Own, string Foreign)> Values)
    {
        public string Value(string route, RoutePatternParameterPart p, bool foreign)
        {
            var kind = (route, p.Name) switch
            {
                (_, "module") => "=m1-role-and-mandate",
                (_, "lesson") => "=l1-co-creation",
                (_, "doc") => "=guide-co-facilitation",
                (_, "language") => "=en",
                (_, "choice") => "=keep",
                (_, "code") => "=404",
                (_, "path") => "=",
                (_, "ideaId") => "=1",
                (_, "token") => "token",
                (_, "personId") => "person",
                (_, "groupId") => "group",
                (_, "sessionId") => "session",
                (_, "cohortId") => "cohort",
                (_, "scheduleId") => "schedule",
                (_, "workId") => "work",
                _ when route.Contains("admin/people") || route.Contains("privacy/people") => "person",
                (_, "commentId") => "comment",
                _ when route.Contains("admin/people") => "person",
                _ when route.Contains("admin/teams") => "team",
                _ when route.Contains("cohorts/") => "cohort",
                _ when route.Contains("inbox/") => "notice",
                _ when route.Contains("logs/") => "log",
                _ when route.Contains("reflections/") || route.Contains("review/") => "work",
                _ when route.Contains("team/requests") => "request",
                _ when route.Contains("workshops/requests") => "=" + Guid.Empty,
                _ when route.Contains("workshops/") => "workshop",
                _ => "=1", // curriculum versions and conflicts: not anyone's own
            };
            return kind.StartsWith('=') ? kind[1..] : foreign ? Values[kind].Foreign : Values[kind].Own;
        }
    }
}

public sealed class SqliteAuthorizationMatrixTests(FastSignInSqliteSite site, ITestOutputHelper output) : AuthorizationMatrixTests<FastSignInSqliteSite>(site, output);

/// <summary>The demo site with cheap password hashing (sign-in is not what is tested here).</summary>
public sealed class FastSignInPostgresSite : PostgresSite
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
        [new("Security:PasswordHashIterations", "1000"), new("Logging:LogLevel:Default", "Error")];
}

public sealed class PostgresAuthorizationMatrixTests(FastSignInPostgresSite site, ITestOutputHelper output) : AuthorizationMatrixTests<FastSignInPostgresSite>(site, output);
