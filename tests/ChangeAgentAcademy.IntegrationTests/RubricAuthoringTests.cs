using System.Net;
using ChangeAgentAcademy.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>Editing an assignment's rubric in the browser (#17): 2–8 criteria × 3 levels and the reviewers' guidance, refused input comes back, readers see the edit; SQLite and PostgreSQL.</summary>
public abstract class RubricAuthoringTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string Url = "/curriculum/admin/rubric/m2-citizen-conversations/practical/sv";
    private const string Guidance = "Börja med det som **bär**: ett konkret citat ur samtalet.\n\n<script>alert(1)</script>";

    private static Dictionary<string, string> Form(string title, params (string Id, string Name, string L1, string L2, string L3)[] criteria)
    {
        var form = new Dictionary<string, string> { ["Title"] = title, ["Guidance"] = Guidance };
        for (var i = 0; i < criteria.Length; i++)
        {
            form[$"Criteria[{i}].Id"] = criteria[i].Id;
            form[$"Criteria[{i}].Name"] = criteria[i].Name;
            form[$"Criteria[{i}].Level1"] = criteria[i].L1;
            form[$"Criteria[{i}].Level2"] = criteria[i].L2;
            form[$"Criteria[{i}].Level3"] = criteria[i].L3;
        }

        return form;
    }

    [Fact]
    public async Task Author_EditsRubric_ValidationKeepsInput_ReviewersSeeTheNewCriteria_TraineeRefused()
    {
        var author = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var editor = await author.GetAsync(Url);
        var lesson = await author.GetAsync("/curriculum/admin/rubric/m1-role-and-mandate/l1-co-creation/en");
        var one = await author.PostFormAsync(Url, Url, Form("Ny matris", ("bara-en", "Bara ett kriterium-77", "a", "b", "c")));
        var oneBody = WebUtility.HtmlDecode(await one.Content.ReadAsStringAsync());
        var bad = await author.PostFormAsync(Url, Url, Form("", ("Bad Id", "Namn", "a", "b", "c"), ("ok", "Namn 2", "a", "", "c")));
        var badBody = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        var nine = await author.PostFormAsync(Url, Url, Form("Nio", [.. Enumerable.Range(1, 9).Select(i => ($"k{i}", $"K{i}", "a", "b", "c"))]));
        var noGuidance = Form("Utan vägledning", ("a1", "Namn-a1", "a", "b", "c"), ("a2", "Namn-a2", "a", "b", "c"));
        noGuidance["Guidance"] = "  ";
        var unguided = await author.PostFormAsync(Url, Url, noGuidance);
        var unguidedBody = WebUtility.HtmlDecode(await unguided.Content.ReadAsStringAsync());
        var saved = await author.PostFormAsync(Url, Url, Form("Samtalet i praktiken", ("lyssnande", "Lyssnande-42", "Inte än", "Lyssnar", "Lyssnar och följer upp"), ("nasta-steg", "Nästa steg", "Saknas", "Finns", "Konkret och daterat")));
        // The authors' read (always the newest generation; overviews may lag by about a second).
        var rubric = (await site.WithScopeAsync((sp, _) => sp.GetRequiredService<Curriculum.Services.CurriculumCatalog>().GetAsync())).Rubric("m2-citizen-conversations/practical", "sv")?.Value;
        var trainee = await SiteClient.SignedInAsync(site, "trainee1@demo.local");
        var refused = await trainee.GetAsync(Url);

        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
        // The shipped guidance (the file's Markdown) is in the form to edit.
        Assert.Matches("<textarea id=\"Guidance\"[^>]*>\\s*\\S", await editor.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unguided.StatusCode);
        Assert.Contains("Write the feedback guidance for reviewers (at most 8000 characters).", unguidedBody);
        Assert.Contains("value=\"Namn-a2\"", unguidedBody);
        Assert.Equal(HttpStatusCode.NotFound, lesson.StatusCode); // a lesson has no rubric
        Assert.Equal(HttpStatusCode.BadRequest, one.StatusCode);
        Assert.Contains("A rubric has 2 to 8 criteria; this one has 1.", oneBody); // in the author's language, for the Swedish rubric
        Assert.Contains("value=\"Bara ett kriterium-77\"", oneBody);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Write a title for the rubric.", badBody);
        Assert.Contains("Criterion 1: the id may have only lower-case letters, digits and hyphens.", badBody);
        Assert.Contains("Criterion 2: describe all three levels", badBody);
        Assert.Contains("value=\"Bad Id\"", badBody);
        Assert.Equal(HttpStatusCode.BadRequest, nine.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.NotNull(rubric);
        Assert.Equal("Samtalet i praktiken", rubric.Title);
        Assert.Equal(["lyssnande", "nasta-steg"], rubric.Criteria.Select(c => c.Id));
        Assert.Equal(["Inte än", "Lyssnar", "Lyssnar och följer upp"], rubric.Criteria[0].Levels);
        Assert.Contains("<strong>bär</strong>", rubric.GuidanceHtml); // rendered as the files are
        Assert.DoesNotContain("<script", rubric.GuidanceHtml); // and sanitized
        var form = WebUtility.HtmlDecode(await author.GetStringAsync(Url));
        Assert.Contains("Börja med det som **bär**", form); // the Markdown as written comes back to edit
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}

public sealed class SqliteRubricAuthoringTests(SqliteSite site) : RubricAuthoringTests<SqliteSite>(site);

public sealed class PostgresRubricAuthoringTests(PostgresSite site) : RubricAuthoringTests<PostgresSite>(site);
