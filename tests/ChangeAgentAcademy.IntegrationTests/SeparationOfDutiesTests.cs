using System.Net;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Nobody gives themself a role or a place that opens other people's writing; a grant by someone else is
/// audited and told to the people whose writing it opens (AccessGrants).
/// </summary>
public abstract class SeparationOfDutiesTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private async Task<AppUser> PersonWithRolesAsync(params string[] roles)
    {
        var person = await site.PersonAsync(roles[0]);
        await site.WithScopeAsync(async (sp, _) =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRolesAsync((await users.FindByIdAsync(person.Id.ToString()))!, roles[1..]);
        });
        return person;
    }

    private static List<KeyValuePair<string, string>> PersonForm(AppUser person, params string[] roles) =>
        [new("DisplayName", person.DisplayName), new("Email", person.Email!), new("Language", "en"), .. roles.Select(r => new KeyValuePair<string, string>("Roles", r))];

    [Fact]
    public async Task Administrator_GivesThemselfTrainerRole_Refused_NothingChanges()
    {
        var admin = await site.PersonAsync(Roles.Administrator);
        var client = await SiteClient.SignedInAsync(site, admin.Email!, SiteClient.TestPassword);

        var response = await client.PostFormAsync($"/admin/people/{admin.Id}", $"/admin/people/{admin.Id}", PersonForm(admin, Roles.Administrator, Roles.Trainer));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var roles = await site.WithScopeAsync(async (sp, _) => await sp.GetRequiredService<UserManager<AppUser>>().GetRolesAsync((await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(admin.Id.ToString()))!));

        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("You cannot give yourself a role", page);
        Assert.Equal([Roles.Administrator], roles);
    }

    [Fact]
    public async Task Administrator_GivesAnotherTheTrainerRole_AuditedAndOtherAdministratorsTold()
    {
        var granter = await site.PersonAsync(Roles.Administrator);
        var watcher = await site.PersonAsync(Roles.Administrator);
        var grantee = await site.PersonAsync(Roles.Administrator);
        var client = await SiteClient.SignedInAsync(site, granter.Email!, SiteClient.TestPassword);

        var response = await client.PostFormAsync($"/admin/people/{grantee.Id}", $"/admin/people/{grantee.Id}", PersonForm(grantee, Roles.Administrator, Roles.Trainer));
        var audit = await site.WithScopeAsync((_, db) => db.Audit.Where(a => a.Subject == grantee.Id.ToString() && a.Action == "people.role-granted").Select(a => new { a.ActorId, a.Details }).ToListAsync());
        var told = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.UserId == watcher.Id && i.Url == $"/admin/people/{grantee.Id}").Select(i => i.Body).ToListAsync());
        var toldGranter = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().CountAsync(i => i.UserId == granter.Id && i.Url == $"/admin/people/{grantee.Id}"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single(audit);
        Assert.Equal(granter.Id, audit[0].ActorId);
        Assert.Equal(Roles.Trainer, audit[0].Details);
        Assert.Single(told);
        Assert.Contains("Trainer", told[0]);
        Assert.Equal(0, toldGranter);
    }

    [Fact]
    public async Task Import_GivesTheImporterARole_RowRefused()
    {
        var admin = await site.PersonAsync(Roles.Administrator);
        var client = await SiteClient.SignedInAsync(site, admin.Email!, SiteClient.TestPassword);
        var csv = "name,email,team,leader,language,roles\n" + $"{admin.DisplayName},{admin.Email},,,en,Administrator;Trainer\n";

        var response = await client.PostFormAsync("/admin/people/import", "/admin/people/import/apply", new() { ["csv"] = csv });
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var isTrainer = await site.WithScopeAsync(async (sp, _) => await sp.GetRequiredService<UserManager<AppUser>>().IsInRoleAsync((await sp.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(admin.Id.ToString()))!, Roles.Trainer));

        Assert.Contains("You cannot give yourself a role", page);
        Assert.False(isTrainer);
    }

    [Fact]
    public async Task TrainerPlace_TakenByOneself_Refused_GivenByAnother_TrainersTold()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        var adminTrainer = await PersonWithRolesAsync(Roles.Administrator, Roles.Trainer);
        var otherAdmin = await site.PersonAsync(Roles.Administrator);
        var trainerClient = await SiteClient.SignedInAsync(site, trainer.Email!, SiteClient.TestPassword);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd");
        Dictionary<string, string> Form(string name) => new()
        {
            ["Name"] = name, ["Language"] = "en", ["Track"] = "Trainee", ["StartDate"] = start, ["CadenceWeeks"] = "2", ["CadenceDay"] = "Wednesday",
            ["ReleaseTime"] = "08:30", ["TimeZone"] = "Europe/Copenhagen", ["Capacity"] = "15", ["Status"] = "Open",
        };
        var name = "SoD cohort " + Guid.NewGuid().ToString("N")[..6];
        var created = await trainerClient.PostFormAsync("/cohorts/new", "/cohorts/new", Form(name).Append(new("TrainerIds", trainer.Id.ToString())));
        var cohortUrl = created.Headers.Location!.OriginalString;
        var both = Form(name).Append(new("TrainerIds", trainer.Id.ToString())).Append(new("TrainerIds", adminTrainer.Id.ToString())).ToList();

        var self = await (await SiteClient.SignedInAsync(site, adminTrainer.Email!, SiteClient.TestPassword)).PostFormAsync(cohortUrl + "/edit", cohortUrl + "/edit", both);
        var selfPage = WebUtility.HtmlDecode(await self.Content.ReadAsStringAsync());
        var trainersAfterSelf = await TrainerCountAsync(cohortUrl);
        var other = await (await SiteClient.SignedInAsync(site, otherAdmin.Email!, SiteClient.TestPassword)).PostFormAsync(cohortUrl + "/edit", cohortUrl + "/edit", both);
        var told = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.UserId == trainer.Id && i.Url == cohortUrl).Select(i => i.Body).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("You cannot give yourself a role or a place", selfPage);
        Assert.Equal(1, trainersAfterSelf);
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.Equal(2, await TrainerCountAsync(cohortUrl));
        Assert.Single(told);
        Assert.Contains(adminTrainer.DisplayName, told[0]);
    }

    [Fact]
    public async Task GroupPlace_TakenByOneself_Refused_GivenByAnother_MembersTold()
    {
        var trainer = await site.PersonAsync(Roles.Trainer);
        var supervisor = await site.PersonAsync(Roles.Supervisor);
        var members = new List<AppUser>();
        for (var i = 0; i < 5; i++)
        {
            members.Add(await site.PersonAsync(Roles.Trainee));
        }

        var adminLeader = await PersonWithRolesAsync(Roles.Administrator, Roles.Leader);
        var otherAdmin = await site.PersonAsync(Roles.Administrator);
        var start = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        var name = "SoD group " + Guid.NewGuid().ToString("N")[..6];
        var form = new List<KeyValuePair<string, string>>
        {
            new("Name", name), new("SupervisorId", supervisor.Id.ToString()), new("StartDate", start.ToString("yyyy-MM-dd")),
            new("Weekday", start.DayOfWeek.ToString()), new("StartTime", "13:00"), new("Place", "Room 2"),
        };
        form.AddRange(members.Select(m => new KeyValuePair<string, string>("MemberIds", m.Id.ToString())));
        var created = await (await SiteClient.SignedInAsync(site, trainer.Email!, SiteClient.TestPassword)).PostFormAsync("/supervision/new", "/supervision/new", form);
        var group = await site.WithScopeAsync((_, db) => db.Set<ChangeAgentAcademy.Supervision.Data.SupervisionGroup>().Where(g => g.Name == name).Select(g => g.Id).SingleAsync());
        var url = $"/supervision/{group}";

        var self = await (await SiteClient.SignedInAsync(site, adminLeader.Email!, SiteClient.TestPassword)).PostFormAsync(url, url + "/members", new() { ["personId"] = adminLeader.Id.ToString() });
        var inAfterSelf = await IsMemberAsync(group, adminLeader.Id);
        var other = await (await SiteClient.SignedInAsync(site, otherAdmin.Email!, SiteClient.TestPassword)).PostFormAsync(url, url + "/members", new() { ["personId"] = adminLeader.Id.ToString() });
        var told = await site.WithScopeAsync((_, db) => db.Set<InboxItem>().Where(i => i.Url == url && i.Body.Contains(adminLeader.DisplayName)).Select(i => i.UserId).ToListAsync());

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.False(inAfterSelf);
        Assert.True(await IsMemberAsync(group, adminLeader.Id));
        Assert.Contains(HttpStatusCode.Redirect, new[] { self.StatusCode, other.StatusCode });
        Assert.Equal(members.Select(m => m.Id).Append(supervisor.Id).Order(), told.Order());
    }

    private Task<bool> IsMemberAsync(Guid group, Guid person) =>
        site.WithScopeAsync((_, db) => db.Set<ChangeAgentAcademy.Supervision.Data.GroupMember>().AnyAsync(m => m.GroupId == group && m.UserId == person && m.LeftUtc == null));

    private Task<int> TrainerCountAsync(string cohortUrl)
    {
        var id = Guid.Parse(cohortUrl.Split('/').Last());
        return site.WithScopeAsync((_, db) => db.Set<ChangeAgentAcademy.Cohorts.Data.CohortTrainer>().CountAsync(t => t.CohortId == id));
    }
}

public sealed class SqliteSeparationOfDutiesTests(SqliteSite site) : SeparationOfDutiesTests<SqliteSite>(site);

public sealed class PostgresSeparationOfDutiesTests(PostgresSite site) : SeparationOfDutiesTests<PostgresSite>(site);
