using System.Net;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>Practical logs: a PDSA test needs its decision, cycles link, a log is handed in as the module's practical assignment.</summary>
public abstract class PracticalLogTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private static Dictionary<string, string> Pdsa(string title, string decision) => new()
    {
        ["title"] = title,
        ["f.Aim"] = "Fewer missed morning medicines",
        ["f.Measure"] = "Missed doses per week",
        ["f.Change"] = "A checklist on the trolley",
        ["f.Prediction"] = "Half as many misses",
        ["f.Plan"] = "Two weeks on one corridor",
        ["f.WhatHappened"] = "From six to two",
        ["f.Learned"] = "The list works when the night shift fills it in",
        ["f.Decision"] = decision,
    };

    private async Task<(TestCohort Cohort, SiteClient Trainee, long LogId)> StartAsync()
    {
        var cohort = await site.CohortAsync(1);
        site.MoveTo(cohort.FirstReleaseUtc.AddDays(21).AddMinutes(1)); // module 4 (PDSA) opens in week four
        await site.DispatchAsync();
        var trainee = await SiteClient.SignedInAsync(site, cohort.Trainees[0].Email!, SiteClient.TestPassword);
        var created = await trainee.PostFormAsync("/logs", "/logs/new", new Dictionary<string, string> { ["type"] = "pdsa" });
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        return (cohort, trainee, id);
    }

    [Fact]
    public async Task Save_WithACitizensName_SavesAndWarnsWithHighlight()
    {
        var (_, trainee, id) = await StartAsync();
        var fields = Pdsa("Medicine checklist", "adapt");
        fields["f.WhatHappened"] = "Gunnel Andersson i hemtjänsten fick sina mediciner i tid.";

        var saved = await trainee.PostFormAsync($"/logs/{id}", $"/logs/{id}", fields);
        var page = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());
        var log = await site.WithScopeAsync((_, db) => db.Set<PracticalLog>().AsNoTracking().SingleAsync(l => l.Id == id));
        var clean = await trainee.PostFormAsync($"/logs/{id}", $"/logs/{id}", Pdsa("Medicine checklist", "adapt"));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("citizen-warning", page);
        Assert.Contains("<mark", page);
        Assert.Contains("Gunnel Andersson i hemtjänsten", page); // what was typed stays
        Assert.Equal("Medicine checklist", log.Title); // and was saved
        Assert.Equal(HttpStatusCode.Redirect, clean.StatusCode);
    }

    [Fact]
    public async Task Pdsa_HandInWithoutDecision_RefusedNothingSaved_WithDecision_BecomesTheAssignment()
    {
        var (cohort, trainee, id) = await StartAsync();

        var missing = await trainee.PostFormAsync($"/logs/{id}", $"/logs/{id}", Pdsa("Medicine checklist", "").Append(new("action", "handin")));
        var missingPage = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
        var afterMissing = await site.WithScopeAsync((_, db) => db.Set<PracticalLog>().AsNoTracking().SingleAsync(l => l.Id == id));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("a PDSA test ends with a decision", missingPage);
        Assert.Contains("From six to two", missingPage); // what was typed comes back
        Assert.Equal("", afterMissing.Title); // nothing partial saved

        var handIn = await trainee.PostFormAsync($"/logs/{id}", $"/logs/{id}", Pdsa("Medicine checklist", "adapt").Append(new("action", "handin")));
        var work = (await site.WorkAsync(cohort.Id)).Single(w => w.LessonKey == "m4-pdsa/practical");
        var text = await site.WithScopeAsync((_, db) => db.Set<Submission>().Where(s => s.WorkId == work.Id).Select(s => s.Text).SingleAsync());
        var log = await site.WithScopeAsync((_, db) => db.Set<PracticalLog>().AsNoTracking().SingleAsync(l => l.Id == id));

        Assert.Equal(HttpStatusCode.Redirect, handIn.StatusCode);
        Assert.Equal($"/reflections/{work.Id}", handIn.Headers.Location!.OriginalString);
        Assert.Equal(WorkStatus.Submitted, work.Status);
        Assert.Contains("## Aim", text);
        Assert.Contains("Adapt: change it and test again", text);
        Assert.Equal(work.Id, log.WorkId);
    }

    [Fact]
    public async Task Editor_ShowsTheRubricOfTheAssignmentTheLogGoesTo_BeforeAndAfterHandIn()
    {
        var (cohort, trainee, id) = await StartAsync();

        var before = WebUtility.HtmlDecode(await trainee.GetStringAsync($"/logs/{id}"));
        await trainee.PostFormAsync($"/logs/{id}", $"/logs/{id}", Pdsa("Medicine checklist", "adapt").Append(new("action", "handin")));
        var after = WebUtility.HtmlDecode(await trainee.GetStringAsync($"/logs/{id}"));
        var work = (await site.WorkAsync(cohort.Id)).Single(w => w.LessonKey == "m4-pdsa/practical");

        Assert.Equal(WorkStatus.Submitted, work.Status);
        foreach (var page in new[] { before, after })
        {
            Assert.Contains("Rubric: a PDSA test in your workplace", page);
            Assert.Contains("The three questions", page);
            Assert.DoesNotContain("rubric-guidance", page); // the reviewers' guidance is for trainers
        }
    }

    [Fact]
    public async Task Cycles_Link_ButOnlyToOwnTests_AndOthersLogsAre404()
    {
        var (_, trainee, first) = await StartAsync();
        await trainee.PostFormAsync($"/logs/{first}", $"/logs/{first}", Pdsa("Cycle 1", "adapt").Append(new("action", "save")));
        var second = long.Parse((await trainee.PostFormAsync("/logs", "/logs/new", new Dictionary<string, string> { ["type"] = "pdsa" })).Headers.Location!.OriginalString.Split('/').Last());
        var linked = await trainee.PostFormAsync($"/logs/{second}", $"/logs/{second}", Pdsa("Cycle 2", "adopt").Append(new("follows", first.ToString())).Append(new("action", "save")));
        var firstPage = await trainee.GetStringAsync($"/logs/{first}");

        var (_, other, theirs) = await StartAsync();
        var foreignLink = await other.PostFormAsync($"/logs/{theirs}", $"/logs/{theirs}", Pdsa("Mine", "adopt").Append(new("follows", first.ToString())).Append(new("action", "save")));

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Contains($"/logs/{second}", firstPage); // "followed by"
        Assert.Equal(first, await site.WithScopeAsync((_, db) => db.Set<PracticalLog>().Where(l => l.Id == second).Select(l => l.FollowsLogId).SingleAsync()));
        Assert.Equal(HttpStatusCode.BadRequest, foreignLink.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/logs/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostFormAsync("/logs", $"/logs/{first}", Pdsa("x", "adopt"))).StatusCode);
    }

    [Fact]
    public async Task StartPdsa_FromAnIdea_OncePerIdea()
    {
        var (cohort, _, _) = await StartAsync();
        var person = cohort.Trainees[0].Id;

        var url1 = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<IPracticalLogs>().StartPdsaAsync(person, "Digital handover instead of paper", "workshop-idea:7"));
        var url2 = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<IPracticalLogs>().StartPdsaAsync(person, "Digital handover instead of paper", "workshop-idea:7"));
        var trainee = await SiteClient.SignedInAsync(site, cohort.Trainees[0].Email!, SiteClient.TestPassword);

        Assert.Equal(url1, url2);
        Assert.Contains("Digital handover instead of paper", await trainee.GetStringAsync(url1!));
    }
}

public sealed class SqlitePracticalLogTests(ClockedSqliteSite site) : PracticalLogTests<ClockedSqliteSite>(site);

public sealed class PostgresPracticalLogTests(ClockedPostgresSite site) : PracticalLogTests<ClockedPostgresSite>(site);
