using System.Net;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;

namespace ChangeAgentAcademy.IntegrationTests;

public abstract partial class AuditTests<TSite>
{
    /// <summary>A module name no other test writes, so the shared database's other entries do not count.</summary>
    private static string NewModule() => "t" + Guid.NewGuid().ToString("N")[..10];

    private static int Rows(string page) => Regex.Matches(page, "<td data-label=\"When\">").Count;

    private async Task<(string Module, AppUser Person)> SeedAsync(int count)
    {
        var module = NewModule();
        var person = await site.PersonAsync(Roles.Trainee);
        var start = new DateTime(2026, 6, 1, 10, 0, 0, DateTimeKind.Utc);
        await site.WithScopeAsync(async (_, db) =>
        {
            for (var i = 0; i < count; i++)
            {
                db.AddAudit(start.AddMinutes(i), null, $"{module}.tick", $"row-{i:D3}", i == 0 ? "=HYPERLINK(\"http://evil.example\",\"x\")" : $"details {i}");
            }

            db.AddAudit(start.AddDays(2), person.Id, $"{module}.by-person", "elsewhere");
            db.AddAudit(start.AddDays(2), null, $"{module}.about-person", person.Id.ToString(), "-2+3");
            await db.SaveChangesAsync();
        });
        return (module, person);
    }

    [Fact]
    public async Task AuditPage_FiltersByModuleActionPersonAndDates_PagesByKeyset()
    {
        var (module, person) = await SeedAsync(120);
        var officer = await site.PersonAsync(Roles.DataProtectionOfficer);
        var client = await SiteClient.SignedInAsync(site, officer.Email!, SiteClient.TestPassword);

        var first = await client.GetAsync($"/admin/audit?Module={module}");
        var firstPage = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        var older = Regex.Match(firstPage, "rel=\"next\" href=\"([^\"]+)\"").Groups[1].Value;
        var secondPage = await client.GetStringAsync(WebUtility.HtmlDecode(older));
        var thirdLink = WebUtility.HtmlDecode(Regex.Match(secondPage, "rel=\"next\" href=\"([^\"]+)\"").Groups[1].Value);
        var thirdPage = await client.GetStringAsync(thirdLink);
        var byAction = await client.GetStringAsync($"/admin/audit?ActionId={module}.by-person");
        var byPerson = await client.GetStringAsync($"/admin/audit?Module={module}&Person={Uri.EscapeDataString(person.Email!)}");
        var byDate = await client.GetStringAsync($"/admin/audit?Module={module}&From=2026-06-03&To=2026-06-03");
        var nobody = await client.GetStringAsync($"/admin/audit?Person=no-such-person-{Guid.NewGuid():N}");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(50, Rows(firstPage));
        Assert.Contains($"{module}.about-person", firstPage); // newest first
        Assert.Contains("Before=", older);
        Assert.Equal(50, Rows(secondPage));
        Assert.Equal(22, Rows(thirdPage));
        Assert.DoesNotContain("rel=\"next\"", thirdPage);
        Assert.Contains("row-000", thirdPage);
        Assert.Equal(1, Rows(byAction));
        Assert.Equal(2, Rows(byPerson)); // what the person did, and what was done about them
        Assert.Contains(person.DisplayName, byPerson);
        Assert.Equal(2, Rows(byDate));
        Assert.Contains("No person matches", nobody);
    }

    [Fact]
    public async Task AuditPage_ShowsLocalizedDescriptionWhereAKeyExists_ElseTheActionId()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var (module, _) = await SeedAsync(1);
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");

        var signIns = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?ActionId=account.signed-in&Person={Uri.EscapeDataString(person.Email!)}"));
        var ticks = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?Module={module}"));

        Assert.Contains("Signed in", signIns);
        Assert.Contains(person.DisplayName, signIns);
        Assert.Contains($">{module}.tick<", ticks); // no description: the id
    }

    [Fact]
    public async Task AuditCsv_StreamsTheFilteredRows_QuotesFormulas()
    {
        var (module, _) = await SeedAsync(1500);
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");

        var response = await admin.GetAsync($"/admin/audit/csv?Module={module}");
        var csv = await response.Content.ReadAsStringAsync();
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(1 + 1502, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", csv);
        Assert.Contains(",'-2+3", csv);
        Assert.DoesNotContain(",=HYPERLINK", csv);
    }

    [Theory]
    [InlineData("From=not-a-date", "Type a date as year-month-day")]
    [InlineData("From=2026-06-03&To=2026-06-01", "The last day comes before the first.")]
    [InlineData("From=1900-01-01", "Choose a date between the years 2000 and 2100.")]
    [InlineData("ActionId=DROP%20TABLE", "Choose an action from the list.")]
    [InlineData("Module=%3Cscript%3E", "Choose a module from the list.")]
    [InlineData("Before=-5", "That page does not exist")]
    [InlineData("Before=abc", "That page does not exist")]
    public async Task AuditPage_BadFilter_Is400WithTheReason(string query, string message)
    {
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");

        var page = await admin.GetAsync($"/admin/audit?{query}");
        var csv = await admin.GetAsync($"/admin/audit/csv?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Trainee)]
    [InlineData(Roles.Leader)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Supervisor)]
    public async Task AuditPage_OthersThanAdministratorAndOfficer_Get403(string role)
    {
        var person = await site.PersonAsync(role);
        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/audit/csv")).StatusCode);
    }
}
