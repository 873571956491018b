using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Stands in for the Reflections module's practical logs, which another change adds: records each call
/// and answers a local URL, so the one-click PDSA path is tested whether or not the real one is there.
/// </summary>
public sealed class FakePracticalLogs : IPracticalLogs
{
    public ConcurrentQueue<(Guid Person, string Change, string Origin)> Calls { get; } = new();

    public Task<string?> StartPdsaAsync(Guid personId, string change, string originRef, CancellationToken cancellationToken = default)
    {
        Calls.Enqueue((personId, change, originRef));
        return Task.FromResult<string?>($"/reflections/logs/fake-{Calls.Count}");
    }
}

public sealed class WorkshopSqliteSite : ClockedSqliteSite
{
    public FakePracticalLogs Logs { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<IPracticalLogs>(Logs);
    }
}

public sealed class WorkshopPostgresSite : ClockedPostgresSite
{
    public FakePracticalLogs Logs { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        base.ConfigureTestServices(services);
        services.AddSingleton<IPracticalLogs>(Logs);
    }
}

/// <summary>Sessions and series, booking with the waiting list, on-site requests, the record and its ideas, on SQLite and PostgreSQL, with a fake clock.</summary>
public abstract partial class WorkshopTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private FakePracticalLogs Logs => site.Services.GetServices<IPracticalLogs>().OfType<FakePracticalLogs>().Single();

    private DateTime Now => site.Clock.GetUtcNow().UtcDateTime;

    private static Task<SiteClient> AsAsync(SiteFactory site, AppUser person) => SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

    private async Task<WorkshopSession> SessionAsync(Guid facilitatorId, int capacity = 10, TimeSpan? inFuture = null, Guid? requestId = null)
    {
        var starts = Now + (inFuture ?? TimeSpan.FromDays(3));
        var session = new WorkshopSession
        {
            Id = Guid.NewGuid(), Title = "Workshop " + Guid.NewGuid().ToString("N")[..6], Place = "Room 1", StartsUtc = starts, EndsUtc = starts.AddHours(3),
            Capacity = capacity, FacilitatorId = facilitatorId, RequestId = requestId, Status = WorkshopStatus.Open, CreatedUtc = Now,
        };
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<WorkshopSession>().Add(session);
            await db.SaveChangesAsync();
        });
        return session;
    }

    private async Task BookDirectAsync(Guid sessionId, IEnumerable<AppUser> people)
    {
        await site.WithScopeAsync(async (_, db) =>
        {
            var i = 0;
            foreach (var p in people)
            {
                db.Set<Booking>().Add(new Booking { SessionId = sessionId, UserId = p.Id, Status = BookingStatus.Booked, BookedUtc = Now.AddMinutes(-100 + i++), ChangedUtc = Now });
            }

            await db.SaveChangesAsync();
        });
    }

    private Task<Dictionary<Guid, BookingStatus>> BookingsAsync(Guid sessionId) =>
        site.WithScopeAsync((_, db) => db.Set<Booking>().AsNoTracking().Where(b => b.SessionId == sessionId).ToDictionaryAsync(b => b.UserId, b => b.Status));

    private static Task<HttpResponseMessage> BookAsync(SiteClient client, Guid sessionId, bool joinWaitlist = false) =>
        client.PostFormAsync($"/workshops/{sessionId}", $"/workshops/{sessionId}/book", new Dictionary<string, string> { ["joinWaitlist"] = joinWaitlist ? "true" : "false" });

    private static Task<HttpResponseMessage> CancelAsync(SiteClient client, Guid sessionId) =>
        client.PostFormAsync("/workshops", $"/workshops/{sessionId}/cancel", new Dictionary<string, string> { ["confirmed"] = "true" });

    private static async Task<string> BodyAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private async Task<List<AppUser>> PeopleAsync(int count, string role = Roles.Trainee)
    {
        var people = new List<AppUser>();
        for (var i = 0; i < count; i++)
        {
            people.Add(await site.PersonAsync(role));
        }

        return people;
    }

    [Fact]
    public async Task Trainer_CreatesSeries_EveryOtherWednesdayAt13_DstCorrect_CapacityOutsideRangeRefused()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        var client = await AsAsync(site, trainer);
        var trainee = await AsAsync(site, await site.PersonAsync(Roles.Trainee));
        var title = "Series " + Guid.NewGuid().ToString("N")[..6];
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var from = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, zone)).AddDays(1);
        Dictionary<string, string> Form(int capacity) => new()
        {
            ["Mode"] = "series", ["Title"] = title, ["Place"] = "Town hall", ["Date"] = from.ToString("yyyy-MM-dd"), ["Time"] = "13:00", ["Count"] = "4",
            ["EveryWeeks"] = "2", ["Weekday"] = "Wednesday", ["DurationMinutes"] = "180", ["Capacity"] = capacity.ToString(), ["FacilitatorId"] = trainer.Id.ToString(),
        };

        var page = await client.GetStringAsync("/workshops/new");
        var tooSmall = await client.PostFormAsync("/workshops/new", "/workshops/new", Form(4));
        var tooLarge = await client.PostFormAsync("/workshops/new", "/workshops/new", Form(31));
        var forbidden = await trainee.GetAsync("/workshops/new");
        var created = await client.PostFormAsync("/workshops/new", "/workshops/new", Form(12));
        var sessions = await site.WithScopeAsync((_, db) => db.Set<WorkshopSession>().AsNoTracking().Where(s => s.Title == title).OrderBy(s => s.StartsUtc).ToListAsync());

        Assert.Contains("value=\"13:00\"", page);
        Assert.Equal(HttpStatusCode.BadRequest, tooSmall.StatusCode);
        var body = await BodyAsync(tooSmall);
        Assert.Contains("A workshop has between 5 and 30 places.", body);
        Assert.Contains(title, body); // typed text comes back
        Assert.Equal(HttpStatusCode.BadRequest, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(4, sessions.Count);
        var local = sessions.Select(s => TimeZoneInfo.ConvertTimeFromUtc(s.StartsUtc, zone)).ToList();
        Assert.All(local, l => Assert.Equal((DayOfWeek.Wednesday, 13, 0), (l.DayOfWeek, l.Hour, l.Minute)));
        Assert.All(local.Zip(local.Skip(1)), p => Assert.Equal(14, (p.Second.Date - p.First.Date).Days));
        Assert.All(sessions, s => Assert.Equal((12, trainer.Id, TimeSpan.FromHours(3)), (s.Capacity, s.FacilitatorId!.Value, s.EndsUtc - s.StartsUtc)));
        // The clock starts on 1 March 2027: the series crosses the change to summer time on 28 March.
        Assert.Contains(sessions, s => s.StartsUtc.Hour == 12);
        Assert.Contains(sessions, s => s.StartsUtc.Hour == 11);
    }

    [Fact]
    public async Task Book_FullRefusedWithoutWaitlist_Twice_Refused_CancelPromotesFirstWaitingAndTellsThem()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        var session = await SessionAsync(trainer.Id, capacity: 5);
        var holders = await PeopleAsync(4);
        await BookDirectAsync(session.Id, holders);
        var (last, first, second) = ((await PeopleAsync(1))[0], (await PeopleAsync(1))[0], (await PeopleAsync(1))[0]);
        var lastClient = await AsAsync(site, last);
        var firstClient = await AsAsync(site, first);
        var secondClient = await AsAsync(site, second);

        var booked = await BookAsync(lastClient, session.Id);
        var twice = await BookAsync(lastClient, session.Id, joinWaitlist: true);
        var full = await BookAsync(firstClient, session.Id);
        var fullPage = await firstClient.GetStringAsync($"/workshops/{session.Id}");
        var waitFirst = await BookAsync(firstClient, session.Id, joinWaitlist: true);
        site.Clock.Advance(TimeSpan.FromSeconds(1));
        var waitSecond = await BookAsync(secondClient, session.Id, joinWaitlist: true);
        var list = await secondClient.GetStringAsync("/workshops");

        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("You already have a place in this workshop.", await BodyAsync(twice));
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("The workshop is full.", await BodyAsync(full));
        Assert.Contains("name=\"joinWaitlist\"", fullPage);
        Assert.Equal(HttpStatusCode.Redirect, waitFirst.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, waitSecond.StatusCode);
        Assert.Contains("Waiting list: number 2", list);

        var cancelled = await CancelAsync(lastClient, session.Id);
        var bookings = await BookingsAsync(session.Id);
        var notices = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().AsNoTracking().Where(i => i.Key.StartsWith($"workshops:promoted:{session.Id}:")).ToListAsync());
        var audit = await site.WithScopeAsync((_, db) => db.Audit.AsNoTracking().Where(a => a.Subject == session.Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, bookings[last.Id]);
        Assert.Equal(BookingStatus.Booked, bookings[first.Id]);
        Assert.Equal(BookingStatus.Waitlisted, bookings[second.Id]);
        Assert.Equal(5, bookings.Values.Count(s => s == BookingStatus.Booked));
        var notice = Assert.Single(notices);
        Assert.Equal(first.Id, notice.UserId);
        Assert.StartsWith($"workshops:promoted:{session.Id}:{first.Id}:", notice.Key);
        Assert.Contains(session.Title, notice.Subject);
        Assert.Equal($"/workshops/{session.Id}", notice.Url);
        Assert.Equal(["workshops.booked", "workshops.waitlisted", "workshops.waitlisted", "workshops.cancelled", "workshops.promoted"], audit);

        // Leaving the waiting list frees no place and promotes nobody.
        var left = await CancelAsync(secondClient, session.Id);
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        Assert.Equal(BookingStatus.Cancelled, (await BookingsAsync(session.Id))[second.Id]);
    }

    [Fact]
    public async Task TwoConcurrentBookings_ForTheLastPlace_OneBookedOneWaitlisted()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        for (var round = 0; round < 3; round++)
        {
            var session = await SessionAsync(trainer.Id, capacity: 5);
            await BookDirectAsync(session.Id, await PeopleAsync(4));
            var people = await PeopleAsync(2);
            var clients = new[] { await AsAsync(site, people[0]), await AsAsync(site, people[1]) };
            var tokens = new List<string>();
            foreach (var c in clients)
            {
                tokens.Add(WebUtility.HtmlDecode(TokenPattern().Match(await c.GetStringAsync($"/workshops/{session.Id}")).Groups[1].Value));
            }

            var responses = await Task.WhenAll(clients.Select((c, i) => c.Http.PostAsync($"/workshops/{session.Id}/book",
                new FormUrlEncodedContent([new("joinWaitlist", "true"), new("__RequestVerificationToken", tokens[i])]))));
            var bookings = await BookingsAsync(session.Id);

            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            Assert.Equal(5, bookings.Values.Count(s => s == BookingStatus.Booked));
            Assert.Equal([BookingStatus.Booked, BookingStatus.Waitlisted], people.Select(p => bookings[p.Id]).Order());
        }
    }

    [Fact]
    public async Task Refusals_CancelledSession_PastSession_CancelAfterStart_NothingSaved()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        var person = (await PeopleAsync(1))[0];
        var soon = await SessionAsync(trainer.Id, inFuture: TimeSpan.FromHours(2));
        var calledOff = await SessionAsync(trainer.Id);
        var client = await AsAsync(site, person);
        var facilitator = await AsAsync(site, trainer);

        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(client, soon.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await BookAsync(client, calledOff.Id)).StatusCode);
        var off = await facilitator.PostFormAsync($"/workshops/{calledOff.Id}", $"/workshops/{calledOff.Id}/cancel-session", new Dictionary<string, string> { ["confirmed"] = "true" });
        var bookCancelled = await BookAsync(await AsAsync(site, (await PeopleAsync(1))[0]), calledOff.Id, joinWaitlist: true);
        var told = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().AnyAsync(i => i.UserId == person.Id && i.Key == $"workshops:session-cancelled:{calledOff.Id}:{person.Id}"));

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, bookCancelled.StatusCode);
        Assert.Contains("This workshop has been cancelled.", await BodyAsync(bookCancelled));
        Assert.True(told);

        site.MoveTo(soon.StartsUtc.AddMinutes(1));
        client = await AsAsync(site, person);
        var late = await CancelAsync(client, soon.Id);
        var latecomer = await AsAsync(site, (await PeopleAsync(1))[0]);
        var past = await BookAsync(latecomer, soon.Id, joinWaitlist: true);
        var bookings = await BookingsAsync(soon.Id);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("a place can only be cancelled before it begins", await BodyAsync(late));
        Assert.Equal(HttpStatusCode.Conflict, past.StatusCode);
        Assert.Contains("This workshop has already started", await BodyAsync(past));
        Assert.Equal(BookingStatus.Booked, Assert.Single(bookings).Value);

        var missing = await client.PostFormAsync("/workshops", $"/workshops/{Guid.NewGuid()}/book", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task OnSiteRequest_CitizenInWishesOrDeclineMessage_WarnsKeepsTextSendsNothing_SendAnywaySends()
    {
        var leader = await site.PersonAsync(Roles.Leader);
        var team = Guid.NewGuid();
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Teams.Add(new Team { Id = team, Name = "Unit " + team.ToString("N")[..8], LeaderId = leader.Id, CreatedUtc = Now });
            await db.SaveChangesAsync();
        });
        var client = await AsAsync(site, leader);
        const string wishes = "We want to practise the talk with Gunnel Andersson i hemtjänsten in mind.";
        var form = new Dictionary<string, string> { ["TeamId"] = team.ToString(), ["Participants"] = "6", ["Wishes"] = wishes };

        var warned = await client.PostFormAsync("/workshops/requests", "/workshops/requests", form);
        var warnedBody = await BodyAsync(warned);
        var before = await site.WithScopeAsync((_, db) => db.Set<OnSiteRequest>().CountAsync(r => r.LeaderId == leader.Id));
        var sent = await client.PostFormAsync("/workshops/requests", "/workshops/requests", new Dictionary<string, string>(form) { ["citizenDataConfirmed"] = "true" });
        var request = await site.WithScopeAsync((_, db) => db.Set<OnSiteRequest>().AsNoTracking().SingleAsync(r => r.LeaderId == leader.Id));

        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        Assert.Contains("citizen-warning", warnedBody);
        Assert.Contains("<mark", warnedBody);
        Assert.Contains($">{wishes}</textarea>", warnedBody);
        Assert.Contains("name=\"citizenDataConfirmed\" value=\"true\"", warnedBody);
        Assert.Equal(0, before);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(wishes, request.Wishes);

        var decider = await AsAsync(site, await site.PersonAsync(Roles.Trainer));
        const string message = "We met Anna Svensson at the home last week and are fully booked.";
        var url = $"/workshops/requests/{request.Id}/decline";
        var declineWarned = await decider.PostFormAsync("/workshops/requests", url, new Dictionary<string, string> { ["Message"] = message });
        var declineBody = await BodyAsync(declineWarned);
        var stillPending = await site.WithScopeAsync((_, db) => db.Set<OnSiteRequest>().Where(r => r.Id == request.Id).Select(r => r.Status).SingleAsync());
        var declined = await decider.PostFormAsync("/workshops/requests", url, new Dictionary<string, string> { ["Message"] = message, ["citizenDataConfirmed"] = "true" });
        var after = await site.WithScopeAsync((_, db) => db.Set<OnSiteRequest>().AsNoTracking().SingleAsync(r => r.Id == request.Id));

        Assert.Equal(HttpStatusCode.OK, declineWarned.StatusCode);
        Assert.Contains("citizen-warning", declineBody);
        Assert.Contains($">{message}</textarea>", declineBody);
        Assert.Equal(RequestStatus.Pending, stillPending);
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal((RequestStatus.Declined, message), (after.Status, after.DeclineMessage));
    }

    [Fact]
    public async Task OnSiteRequest_FiveToTen_OwnTeamOnly_TrainerDeclinesOrSchedules_LeaderTold()
    {
        var leader = await site.PersonAsync(Roles.Leader);
        var otherLeader = await site.PersonAsync(Roles.Leader);
        Guid team = Guid.NewGuid(), otherTeam = Guid.NewGuid();
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Teams.Add(new Team { Id = team, Name = "Unit " + team.ToString("N")[..8], LeaderId = leader.Id, CreatedUtc = Now });
            db.Teams.Add(new Team { Id = otherTeam, Name = "Unit " + otherTeam.ToString("N")[..8], LeaderId = otherLeader.Id, CreatedUtc = Now });
            await db.SaveChangesAsync();
        });
        var member = await site.PersonAsync(Roles.Trainee, team);
        var outsider = await site.PersonAsync(Roles.Trainee, otherTeam);
        var client = await AsAsync(site, leader);
        Task<HttpResponseMessage> Ask(Guid teamId, string people, string wishes = "Our Tuesday team meeting room") =>
            client.PostFormAsync("/workshops/requests", "/workshops/requests", new Dictionary<string, string> { ["TeamId"] = teamId.ToString(), ["Participants"] = people, ["Wishes"] = wishes });

        var four = await Ask(team, "4", "Wish-4f2a");
        var eleven = await Ask(team, "11");
        var notMine = await Ask(otherTeam, "6");
        var traineeAsks = await (await AsAsync(site, member)).PostFormAsync("/workshops", "/workshops/requests", new Dictionary<string, string> { ["TeamId"] = team.ToString(), ["Participants"] = "6" });
        var first = await Ask(team, "6");
        var second = await Ask(team, "8");

        Assert.Equal(HttpStatusCode.BadRequest, four.StatusCode);
        var body = await BodyAsync(four);
        Assert.Contains("An on-site workshop is for 5 to 10 people.", body);
        Assert.Contains("Wish-4f2a", body);
        Assert.Equal(HttpStatusCode.BadRequest, eleven.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, traineeAsks.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        var requests = await site.WithScopeAsync((_, db) => db.Set<OnSiteRequest>().AsNoTracking().Where(r => r.LeaderId == leader.Id).OrderBy(r => r.Participants).ToListAsync());
        Assert.Equal([6, 8], requests.Select(r => r.Participants));

        var trainer = await site.PersonAsync(Roles.Trainer);
        var decider = await AsAsync(site, trainer);
        var pending = await decider.GetStringAsync("/workshops/requests");
        var noMessage = await decider.PostFormAsync("/workshops/requests", $"/workshops/requests/{requests[0].Id}/decline", new Dictionary<string, string> { ["Message"] = " " });
        var declined = await decider.PostFormAsync("/workshops/requests", $"/workshops/requests/{requests[0].Id}/decline", new Dictionary<string, string> { ["Message"] = "We are fully booked in May; ask again in June." });
        var again = await decider.PostFormAsync("/workshops/requests", $"/workshops/requests/{requests[0].Id}/decline", new Dictionary<string, string> { ["Message"] = "Twice" });
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(Now, zone)).AddDays(10);
        var badCapacity = await decider.PostFormAsync("/workshops/requests", $"/workshops/requests/{requests[1].Id}/schedule", new Dictionary<string, string>
            { ["Title"] = "On-site workshop", ["Place"] = "Place-9c1e", ["Date"] = date.ToString("yyyy-MM-dd"), ["Time"] = "09:30", ["DurationMinutes"] = "180", ["Capacity"] = "3" });
        var scheduled = await decider.PostFormAsync("/workshops/requests", $"/workshops/requests/{requests[1].Id}/schedule", new Dictionary<string, string>
            { ["Title"] = "On-site workshop", ["Place"] = "Unit kitchen", ["Date"] = date.ToString("yyyy-MM-dd"), ["Time"] = "09:30", ["DurationMinutes"] = "180", ["Capacity"] = "8" });

        Assert.Contains(requests[0].Id.ToString(), pending);
        Assert.Equal(HttpStatusCode.BadRequest, noMessage.StatusCode);
        Assert.Contains("Write a message to the leader saying why.", await BodyAsync(noMessage));
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This request has already been answered.", await BodyAsync(again));
        Assert.Equal(HttpStatusCode.BadRequest, badCapacity.StatusCode);
        Assert.Contains("Place-9c1e", await BodyAsync(badCapacity));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);

        var after = await site.WithScopeAsync((_, db) => db.Set<OnSiteRequest>().AsNoTracking().Where(r => r.LeaderId == leader.Id).OrderBy(r => r.Participants).ToListAsync());
        var session = await site.WithScopeAsync((_, db) => db.Set<WorkshopSession>().AsNoTracking().SingleAsync(s => s.RequestId == requests[1].Id));
        var notices = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().AsNoTracking().Where(i => i.UserId == leader.Id).Select(i => new { i.Key, i.Body }).ToListAsync());
        var leaderPage = await client.GetStringAsync("/workshops/requests");
        var audit = await site.WithScopeAsync((_, db) => db.Audit.AsNoTracking().Where(a => a.Subject == requests[0].Id.ToString() || a.Subject == requests[1].Id.ToString()).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());

        Assert.Equal([RequestStatus.Declined, RequestStatus.Scheduled], after.Select(r => r.Status));
        Assert.Equal(trainer.Id, after[1].DecidedBy);
        Assert.Equal("We are fully booked in May; ask again in June.", after[0].DeclineMessage); // its own column, not the audit
        Assert.Null(after[1].DeclineMessage);
        Assert.Equal(session.Id, after[1].SessionId);
        Assert.Equal((trainer.Id, 8, "Unit kitchen"), (session.FacilitatorId!.Value, session.Capacity, session.Place));
        Assert.Equal(new TimeOnly(9, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(session.StartsUtc, zone)));
        Assert.Contains(notices, n => n.Key == $"workshops:request-declined:{requests[0].Id}" && n.Body.Contains("ask again in June"));
        Assert.Contains(notices, n => n.Key == $"workshops:request-scheduled:{requests[1].Id}");
        Assert.Contains("ask again in June", WebUtility.HtmlDecode(leaderPage));
        Assert.Equal(["workshops.requested", "workshops.requested", "workshops.request-declined", "workshops.request-scheduled"], audit);

        // The on-site session belongs to the unit: its members book, others do not even see it.
        var memberBooks = await BookAsync(await AsAsync(site, member), session.Id);
        var outsiderClient = await AsAsync(site, outsider);
        var outsiderSees = await outsiderClient.GetAsync($"/workshops/{session.Id}");
        var outsiderList = await outsiderClient.GetStringAsync("/workshops");
        Assert.Equal(HttpStatusCode.Redirect, memberBooks.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, outsiderSees.StatusCode);
        Assert.DoesNotContain(session.Id.ToString(), outsiderList);
    }

    [Fact]
    public async Task Facilitator_RecordsPhasesAndIdeas_OthersCannot_IdeaBecomesPdsaInOneClick()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        var otherTrainer = await site.PersonAsync(Roles.Trainer);
        var session = await SessionAsync(trainer.Id, inFuture: TimeSpan.FromHours(1));
        var attendee = (await PeopleAsync(1))[0];
        var stranger = (await PeopleAsync(1))[0];
        await BookDirectAsync(session.Id, [attendee]);
        site.MoveTo(session.EndsUtc.AddMinutes(5));
        var facilitator = await AsAsync(site, trainer);
        var url = $"/workshops/{session.Id}";
        var record = new Dictionary<string, string>
        {
            ["Critique"] = "Too many handovers.", ["VisionHowWeWork"] = "One contact person per resident.",
            ["VisionValues"] = "Dignity, trust", ["VisionResidents"] = "They know who comes tomorrow.",
        };

        var page = await facilitator.GetStringAsync(url);
        var saved = await facilitator.PostFormAsync(url, $"{url}/record", record);
        var tooLong = await facilitator.PostFormAsync(url, $"{url}/record", new Dictionary<string, string>(record) { ["Critique"] = new string('x', 10_001), ["VisionValues"] = "Kept-71b" });
        var emptyIdea = await facilitator.PostFormAsync(url, $"{url}/ideas", new Dictionary<string, string> { ["newIdea"] = "  " });
        var idea1 = await facilitator.PostFormAsync(url, $"{url}/ideas", new Dictionary<string, string> { ["newIdea"] = "Introduce a contact person for each resident" });
        var idea2 = await facilitator.PostFormAsync(url, $"{url}/ideas", new Dictionary<string, string> { ["newIdea"] = "Drop the second handover" });
        var ideas = await site.WithScopeAsync((_, db) => db.Set<WorkshopIdea>().AsNoTracking().Where(i => i.SessionId == session.Id).OrderBy(i => i.Id).ToListAsync());
        var removed = await facilitator.PostFormAsync(url, $"{url}/ideas/{ideas[1].Id}/remove", new Dictionary<string, string>());

        Assert.Contains("When we have reached the goal", WebUtility.HtmlDecode(page).Replace("Once we have reached our goal", "When we have reached the goal"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Kept-71b", await BodyAsync(tooLong));
        Assert.Equal(HttpStatusCode.BadRequest, emptyIdea.StatusCode);
        Assert.Contains("Write the idea before you add it.", await BodyAsync(emptyIdea));
        Assert.Equal(HttpStatusCode.Redirect, idea1.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, idea2.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        var stored = await site.WithScopeAsync((_, db) => db.Set<WorkshopRecord>().AsNoTracking().SingleAsync(r => r.SessionId == session.Id));
        Assert.Equal(("Too many handovers.", "One contact person per resident.", "Dignity, trust", "They know who comes tomorrow.", trainer.Id),
            (stored.Critique, stored.VisionHowWeWork, stored.VisionValues, stored.VisionResidents, stored.RecordedBy));
        Assert.Equal(WorkshopStatus.Held, (await site.WithScopeAsync((_, db) => db.Set<WorkshopSession>().AsNoTracking().SingleAsync(s => s.Id == session.Id))).Status);
        Assert.Equal(1, await site.WithScopeAsync((_, db) => db.Set<WorkshopIdea>().CountAsync(i => i.SessionId == session.Id)));

        // Only the session's facilitator (or an administrator) records.
        var other = await AsAsync(site, otherTrainer);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync(url, $"{url}/record", record)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostFormAsync(url, $"{url}/ideas", new Dictionary<string, string> { ["newIdea"] = "x" })).StatusCode);
        var attendeeClient = await AsAsync(site, attendee);
        Assert.Equal(HttpStatusCode.Forbidden, (await attendeeClient.PostFormAsync(url, $"{url}/record", record)).StatusCode);
        var admin = await AsAsync(site, await site.PersonAsync(Roles.Administrator));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(url, $"{url}/record", record)).StatusCode);

        // A participant who attended turns the idea into their own PDSA test; someone who did not take part cannot.
        var attendeePage = await attendeeClient.GetStringAsync(url);
        var strangerClient = await AsAsync(site, stranger);
        var strangerPdsa = await strangerClient.PostFormAsync("/workshops", $"{url}/ideas/{ideas[0].Id}/pdsa", new Dictionary<string, string>());
        var pdsa = await attendeeClient.PostFormAsync(url, $"{url}/ideas/{ideas[0].Id}/pdsa", new Dictionary<string, string>());
        var again = await attendeeClient.PostFormAsync(url, $"{url}/ideas/{ideas[0].Id}/pdsa", new Dictionary<string, string>());
        var idea = await site.WithScopeAsync((_, db) => db.Set<WorkshopIdea>().AsNoTracking().SingleAsync(i => i.Id == ideas[0].Id));
        var calls = Logs.Calls.Where(c => c.Origin == $"workshop-idea:{ideas[0].Id}").ToList();

        Assert.Contains("Make it my PDSA test", attendeePage);
        Assert.Contains("Too many handovers.", attendeePage);
        Assert.Equal(HttpStatusCode.Forbidden, strangerPdsa.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, pdsa.StatusCode);
        Assert.Equal(idea.PdsaUrl, pdsa.Headers.Location!.OriginalString);
        Assert.Equal(attendee.Id, idea.PdsaBy);
        Assert.Equal(idea.PdsaUrl, again.Headers.Location!.OriginalString);
        var call = Assert.Single(calls); // the second click opens the same test
        Assert.Equal((attendee.Id, "Introduce a contact person for each resident"), (call.Person, call.Change));

        // The facilitator may make one too: it is created for them.
        var mine = await facilitator.PostFormAsync(url, $"{url}/ideas/{ideas[0].Id}/pdsa", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        Assert.Contains(Logs.Calls, c => c.Person == trainer.Id && c.Origin == $"workshop-idea:{ideas[0].Id}");
    }

    [Fact]
    public async Task RecordAndIdea_WithCitizenData_WarnKeepTextSaveNothing_ConfirmSaves()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        var session = await SessionAsync(trainer.Id, inFuture: TimeSpan.FromHours(1));
        site.MoveTo(session.EndsUtc.AddMinutes(5));
        var facilitator = await AsAsync(site, trainer);
        var url = $"/workshops/{session.Id}";
        var record = new Dictionary<string, string>
        {
            ["Critique"] = "Too many handovers.", ["VisionHowWeWork"] = "Gunnel Andersson i hemtjänsten gets one contact person.",
            ["VisionValues"] = "Dignity, trust", ["VisionResidents"] = "They know who comes tomorrow.",
        };
        var idea = "Call Anna Svensson's daughter on 070-123 45 67 every Friday";

        var warnedRecord = await facilitator.PostFormAsync(url, $"{url}/record", record);
        var recordPage = await BodyAsync(warnedRecord);
        var warnedIdea = await facilitator.PostFormAsync(url, $"{url}/ideas", new Dictionary<string, string> { ["newIdea"] = idea });
        var ideaPage = await BodyAsync(warnedIdea);
        var savedBefore = await site.WithScopeAsync(async (_, db) => await db.Set<WorkshopRecord>().CountAsync(r => r.SessionId == session.Id) + await db.Set<WorkshopIdea>().CountAsync(i => i.SessionId == session.Id));
        var confirmedRecord = await facilitator.PostFormAsync(url, $"{url}/record", new Dictionary<string, string>(record) { ["citizenDataConfirmed"] = "true" });
        var confirmedIdea = await facilitator.PostFormAsync(url, $"{url}/ideas", new Dictionary<string, string> { ["newIdea"] = idea, ["citizenDataConfirmed"] = "true" });

        Assert.Equal(HttpStatusCode.OK, warnedRecord.StatusCode);
        Assert.Contains("citizen-warning", recordPage);
        Assert.Contains("<mark", recordPage);
        Assert.Contains(">Gunnel Andersson i hemtjänsten gets one contact person.</textarea>", recordPage); // what was typed stays
        Assert.Contains(">Too many handovers.</textarea>", recordPage);
        Assert.Equal(HttpStatusCode.OK, warnedIdea.StatusCode);
        Assert.Contains("citizen-warning", ideaPage);
        Assert.Contains($"value=\"{idea}\"", ideaPage);
        Assert.Equal(0, savedBefore); // nothing saved
        Assert.Equal(HttpStatusCode.Redirect, confirmedRecord.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, confirmedIdea.StatusCode);
        var stored = await site.WithScopeAsync((_, db) => db.Set<WorkshopRecord>().AsNoTracking().SingleAsync(r => r.SessionId == session.Id));
        Assert.Equal("Gunnel Andersson i hemtjänsten gets one contact person.", stored.VisionHowWeWork);
        Assert.Equal(idea, await site.WithScopeAsync((_, db) => db.Set<WorkshopIdea>().Where(i => i.SessionId == session.Id).Select(i => i.Text).SingleAsync()));
    }

    [Fact]
    public async Task PersonEvents_BookedAndFacilitatedSessions_NotWaitlistedOrCancelled()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        var booked = await SessionAsync(trainer.Id, capacity: 5);
        var full = await SessionAsync(trainer.Id, capacity: 5);
        var person = (await PeopleAsync(1))[0];
        await BookDirectAsync(booked.Id, [person]);
        await BookDirectAsync(full.Id, await PeopleAsync(5));
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<Booking>().Add(new Booking { SessionId = full.Id, UserId = person.Id, Status = BookingStatus.Waitlisted, BookedUtc = Now, ChangedUtc = Now });
            await db.SaveChangesAsync();
        });

        var (mine, facilitated) = await site.WithScopeAsync(async (sp, _) =>
        {
            var events = sp.GetServices<IPersonEvents>().Single(e => e.GetType().Name == "WorkshopEvents");
            return (await events.ForPersonAsync(person.Id, Now, Now.AddDays(30)), await events.ForPersonAsync(trainer.Id, Now, Now.AddDays(30)));
        });

        var e = Assert.Single(mine);
        Assert.Equal(($"workshop:{booked.Id}", "workshop", $"/workshops/{booked.Id}", booked.Place, booked.StartsUtc, booked.EndsUtc), (e.Ref, e.Kind, e.Url, e.Place, e.StartsUtc, e.EndsUtc));
        Assert.Equal(2, facilitated.Count);
    }

    [Fact]
    public async Task Pages_RenderForEveryRole_AndAnonymousIsSentToSignIn()
    {
        var anonymous = SiteClient.For(site);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/workshops")).StatusCode);
        foreach (var email in new[] { "admin@demo.local", "trainer1@demo.local", "leader1@demo.local", "trainee1@demo.local" })
        {
            var client = await SiteClient.SignedInAsync(site, email);
            var list = await client.GetAsync("/workshops");
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            var html = await list.Content.ReadAsStringAsync();
            Assert.Contains("Future workshops", html);
            var requests = await client.GetAsync("/workshops/requests");
            Assert.Equal(email.StartsWith("trainee") ? HttpStatusCode.Forbidden : HttpStatusCode.OK, requests.StatusCode);
            var first = Regex.Match(html, "href=\"/workshops/([0-9a-f-]{36})\"");
            Assert.True(first.Success, email);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/workshops/{first.Groups[1].Value}")).StatusCode);
        }

        var trainee = await SiteClient.SignedInAsync(site, "trainee1@demo.local");
        Assert.Equal(HttpStatusCode.NotFound, (await trainee.GetAsync($"/workshops/{Guid.NewGuid()}")).StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

public sealed class SqliteWorkshopTests(WorkshopSqliteSite site) : WorkshopTests<WorkshopSqliteSite>(site);

public sealed class PostgresWorkshopTests(WorkshopPostgresSite site) : WorkshopTests<WorkshopPostgresSite>(site);
