using System.Net;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>Supervision sessions and booked workshops reach the person's calendar page and iCal feed, and can be linked from practical logs.</summary>
public abstract class GatheringCalendarTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private async Task<(long Session, Guid Workshop)> GatheringsAsync(Guid member)
    {
        var supervisor = await site.PersonAsync(Roles.Trainer);
        var now = site.Clock.GetUtcNow().UtcDateTime;
        return await site.WithScopeAsync(async (_, db) =>
        {
            var group = new SupervisionGroup { Id = Guid.NewGuid(), Name = "Group Ahlgren", SupervisorId = supervisor.Id, StartDate = DateOnly.FromDateTime(now), EndDate = DateOnly.FromDateTime(now).AddYears(1), CreatedUtc = now };
            db.Add(group);
            db.Add(new GroupMember { GroupId = group.Id, UserId = member, JoinedUtc = now });
            var session = new SupervisionSession { GroupId = group.Id, StartsUtc = now.AddDays(3), EndsUtc = now.AddDays(3).AddMinutes(90) };
            db.Add(session);
            var workshop = new WorkshopSession { Id = Guid.NewGuid(), Title = "Workshop Bergkvist", Place = "Town hall", StartsUtc = now.AddDays(5), EndsUtc = now.AddDays(5).AddHours(3), Capacity = 10, CreatedUtc = now };
            db.Add(workshop);
            db.Add(new Booking { SessionId = workshop.Id, UserId = member, Status = BookingStatus.Booked, BookedUtc = now, ChangedUtc = now });
            await db.SaveChangesAsync();
            return (session.Id, workshop.Id);
        });
    }

    [Fact]
    public async Task CalendarPageAndFeed_ShowSupervisionSessionsAndBookedWorkshops()
    {
        var member = await site.PersonAsync(Roles.Trainee);
        var outsider = await site.PersonAsync(Roles.Trainee);
        await GatheringsAsync(member.Id);
        var client = await SiteClient.SignedInAsync(site, member.Email!, SiteClient.TestPassword);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/calendar"));
        var url = System.Text.RegularExpressions.Regex.Match(page, "/calendar/([0-9a-f]+)\\.ics").Value;
        var ics = await SiteClient.For(site).GetStringAsync(url);
        var other = WebUtility.HtmlDecode(await (await SiteClient.SignedInAsync(site, outsider.Email!, SiteClient.TestPassword)).GetStringAsync("/calendar"));

        Assert.Contains("Workshop Bergkvist", page);
        Assert.Contains("Group Ahlgren", page);
        Assert.Contains("Workshop Bergkvist", ics);
        Assert.Contains("LOCATION:Town hall", ics);
        Assert.DoesNotContain("Workshop Bergkvist", other);
        Assert.DoesNotContain("Group Ahlgren", other);
    }

    [Fact]
    public async Task DilemmaLog_LinksToOwnSupervisionSession_NotToSomeoneElses()
    {
        var member = await site.PersonAsync(Roles.Trainee);
        var other = await site.PersonAsync(Roles.Trainee);
        var (mine, _) = await GatheringsAsync(member.Id);
        var (theirs, _) = await GatheringsAsync(other.Id);
        var client = await SiteClient.SignedInAsync(site, member.Email!, SiteClient.TestPassword);
        var id = long.Parse((await client.PostFormAsync("/logs", "/logs/new", new Dictionary<string, string> { ["type"] = "dilemma" })).Headers.Location!.OriginalString.Split('/').Last());

        var form = await client.GetStringAsync($"/logs/{id}");
        var foreign = await client.PostFormAsync($"/logs/{id}", $"/logs/{id}", new Dictionary<string, string> { ["title"] = "Saying no", ["eventRef"] = $"supervision-session:{theirs}", ["action"] = "save" });
        var own = await client.PostFormAsync($"/logs/{id}", $"/logs/{id}", new Dictionary<string, string> { ["title"] = "Saying no", ["eventRef"] = $"supervision-session:{mine}", ["action"] = "save" });
        var saved = await site.WithScopeAsync((_, db) => db.Set<PracticalLog>().Where(l => l.Id == id).Select(l => l.EventRef).SingleAsync());

        Assert.Contains($"supervision-session:{mine}", form);
        Assert.DoesNotContain($"supervision-session:{theirs}", form);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal($"supervision-session:{mine}", saved);
    }
}

public sealed class SqliteGatheringCalendarTests(ClockedSqliteSite site) : GatheringCalendarTests<ClockedSqliteSite>(site);

public sealed class PostgresGatheringCalendarTests(ClockedPostgresSite site) : GatheringCalendarTests<ClockedPostgresSite>(site);
