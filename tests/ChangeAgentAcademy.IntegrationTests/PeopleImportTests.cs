using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>People import from CSV: dry run, errors per row, apply, idempotency, refusals; SQLite and PostgreSQL.</summary>
public abstract class PeopleImportTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private static async Task<HttpResponseMessage> UploadAsync(SiteClient client, string csv)
    {
        var page = await client.GetStringAsync("/admin/people/import");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "people.csv");
        content.Add(new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken");
        return await client.Http.PostAsync("/admin/people/import", content);
    }

    private static Task<HttpResponseMessage> ApplyAsync(SiteClient client, string csv) =>
        client.PostFormAsync("/admin/people/import", "/admin/people/import/apply", new() { ["csv"] = csv });

    private static string Csv(params string[] rows) => "name,email,team,leader,language,roles\n" + string.Join("\n", rows) + "\n";

    [Fact]
    public async Task Import_DryRunThenApply_CreatesPeople_SecondTimeChangesNothing()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = Csv(
            $"Åsa Ström,asa-{tag}@test.local,Solgården home care,leader1@demo.local,sv,Trainee",
            $"\"Nielsen, Bo\",bo-{tag}@test.local,,,da,Trainee;Leader");
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");

        var dry = WebUtility.HtmlDecode(await (await UploadAsync(admin, csv)).Content.ReadAsStringAsync());
        var afterDry = await site.WithScopeAsync((_, db) => db.Users.CountAsync(u => u.Email!.EndsWith(tag + "@test.local")));
        var apply = await ApplyAsync(admin, csv);
        var people = await site.WithScopeAsync((_, db) => db.Users.Where(u => u.Email!.EndsWith(tag + "@test.local")).OrderBy(u => u.Email).ToListAsync());
        var teamId = await site.WithScopeAsync((_, db) => db.Teams.Where(t => t.Name == "Solgården home care").Select(t => t.Id).FirstAsync());
        var total = await site.WithScopeAsync((_, db) => db.Users.CountAsync());
        var again = WebUtility.HtmlDecode(await (await UploadAsync(admin, csv)).Content.ReadAsStringAsync());
        await ApplyAsync(admin, csv);

        Assert.Contains("2 to create, 0 to change, 0 unchanged, 0 with errors.", dry);
        Assert.Equal(0, afterDry);
        Assert.Equal(HttpStatusCode.Redirect, apply.StatusCode);
        Assert.Equal(["Åsa Ström", "Nielsen, Bo"], people.OrderByDescending(p => p.Email!.StartsWith("asa")).Select(p => p.DisplayName));
        Assert.Equal(teamId, people.Single(p => p.DisplayName == "Åsa Ström").TeamId);
        Assert.Contains("0 to create, 0 to change, 2 unchanged, 0 with errors.", again);
        Assert.Equal(total, await site.WithScopeAsync((_, db) => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Import_ChangedRow_ShownAsChangeAndApplied()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        await ApplyAsync(admin, Csv($"Pia Pilot,pia-{tag}@test.local,,,en,Trainee"));

        var dry = WebUtility.HtmlDecode(await (await UploadAsync(admin, Csv($"Pia Pilot,pia-{tag}@test.local,,,fi,Trainee;Trainer"))).Content.ReadAsStringAsync());
        await ApplyAsync(admin, Csv($"Pia Pilot,pia-{tag}@test.local,,,fi,Trainee;Trainer"));
        var language = await site.WithScopeAsync((_, db) => db.Users.Where(u => u.Email == $"pia-{tag}@test.local").Select(u => u.Language).FirstAsync());

        Assert.Contains("0 to create, 1 to change", dry);
        Assert.Contains("language en → fi.", dry);
        Assert.Contains("roles Participant → Participant, Trainer.", dry);
        Assert.Equal("fi", language);
    }

    [Fact]
    public async Task Import_RolesAsTheScreensNameThem_InEveryLanguage_Accepted()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = Csv(
            $"Eva English,en-{tag}@test.local,,,en,Participant",
            $"Sven Svensk,sv-{tag}@test.local,,,sv,deltagare;Chef",
            $"Dorte Dansk,da-{tag}@test.local,,,da,Deltager|Underviser",
            $"Fiia Suomi,fi-{tag}@test.local,,,fi,Osallistuja;Esihenkilö",
            $"Kim Key,key-{tag}@test.local,,,en,TRAINEE");
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");

        var dry = WebUtility.HtmlDecode(await (await UploadAsync(admin, csv)).Content.ReadAsStringAsync());
        await ApplyAsync(admin, csv);
        var roles = await site.WithScopeAsync((_, db) => (from u in db.Users
                                                          where u.Email!.EndsWith(tag + "@test.local")
                                                          join ur in db.UserRoles on u.Id equals ur.UserId
                                                          join r in db.Roles on ur.RoleId equals r.Id
                                                          select new { u.Email, r.Name }).ToListAsync());
        string Of(string prefix) => string.Join(",", roles.Where(r => r.Email!.StartsWith(prefix + "-")).Select(r => r.Name).Order());

        Assert.Contains("5 to create, 0 to change, 0 unchanged, 0 with errors.", dry);
        Assert.Contains("Leader, Participant", dry);
        Assert.Equal("Trainee", Of("en"));
        Assert.Equal("Leader,Trainee", Of("sv"));
        Assert.Equal("Trainee,Trainer", Of("da"));
        Assert.Equal("Leader,Trainee", Of("fi"));
        Assert.Equal("Trainee", Of("key"));
    }

    [Fact]
    public async Task Import_BadRows_EveryRowsErrorsListed_NothingSaved()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var csv = Csv(
            $"Good Person,good-{tag}@test.local,,,en,Trainee",
            "No Email,not-an-email,,,en,Trainee",
            $"Wrong Team,wt-{tag}@test.local,Atlantis,,en,Trainee",
            $"Odd Role,or-{tag}@test.local,,,xx,Wizard",
            $",dup-{tag}@test.local,,,en,Trainee",
            $"Dup,dup-{tag}@test.local,,,en,Trainee");
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");

        var page = WebUtility.HtmlDecode(await (await UploadAsync(admin, csv)).Content.ReadAsStringAsync());
        var forced = WebUtility.HtmlDecode(await (await ApplyAsync(admin, csv)).Content.ReadAsStringAsync());

        Assert.Contains("1 to create, 0 to change, 0 unchanged, 5 with errors.", page);
        Assert.Contains("'not-an-email' is not a valid e-mail address.", page);
        Assert.Contains("The team 'Atlantis' does not exist.", page);
        Assert.Contains("'xx' is not a language of the programme", page);
        Assert.Contains("Unknown or missing role 'Wizard'. Use: Administrator, Trainer, Leader, Participant, Supervisor, Data protection officer, Programme owner.", page);
        Assert.Contains("The name is missing", page);
        Assert.Contains($"'dup-{tag}@test.local' appears more than once", page);
        Assert.DoesNotContain("Apply the import", page);
        Assert.Contains("5 with errors", forced);
        Assert.Equal(0, await site.WithScopeAsync((_, db) => db.Users.CountAsync(u => u.Email!.EndsWith(tag + "@test.local"))));
    }

    [Fact]
    public async Task Import_WrongColumnsOrTooManyRows_ClearMessage()
    {
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var many = new StringBuilder("name,email,team,leader,language,roles\n");
        for (var i = 0; i < 100_000; i++)
        {
            many.Append("P,p").Append(i).Append("@x.se,,,en,Trainee\n");
        }

        var columns = WebUtility.HtmlDecode(await (await UploadAsync(admin, "fullname,mail\nA,b@c.se\n")).Content.ReadAsStringAsync());
        var tooMany = WebUtility.HtmlDecode(await (await UploadAsync(admin, many.ToString())).Content.ReadAsStringAsync());

        Assert.Contains("The columns must be: name, email, team, leader, language, roles. The file has: fullname, mail.", columns);
        Assert.Contains("The file has 100000 rows; import at most 5000 at a time.", tooMany);
    }

    [Fact]
    public async Task Import_ByTrainer_403()
    {
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");

        Assert.Equal(HttpStatusCode.Forbidden, (await trainer.GetAsync("/admin/people/import")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainer.PostFormAsync("/", "/admin/people/import/apply", new() { ["csv"] = Csv("X,x@y.se,,,en,Administrator") })).StatusCode);
    }
}

public sealed class SqlitePeopleImportTests(SqliteSite site) : PeopleImportTests<SqliteSite>(site);

public sealed class PostgresPeopleImportTests(PostgresSite site) : PeopleImportTests<PostgresSite>(site);
