using System.Net;
using System.Text.Json;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>The kit: who reads which document, rubrics on the assignment and review pages, objectives, completion criteria, import refusals.</summary>
public abstract class KitTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private Task<ImportReport> ImportAsync(string root) =>
        site.WithScopeAsync((sp, _) => sp.GetRequiredService<ContentImporter>().ImportAsync(root, null));

    private static string TempContent(params (string Path, string Text)[] files)
    {
        var root = Path.Combine(Path.GetTempPath(), "caa-content", Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in files)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
            File.WriteAllText(Path.Combine(root, path), text);
        }

        return root;
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private static string KitFile(string id, string kind, string audience, string body, string extra = "") =>
        $"---\nid: {id}\ntitle: Title of {id}\norder: 1\nkind: {kind}\naudience: [{audience}]\nsummary: Summary of {id}.\n{extra}---\n{body}\n";

    private static string ModuleFile(string id) => $"---\nid: {id}\ntitle: Module {id}\norder: 99\ntracks: [trainee]\nsummary: For tests.\n---\nIntro.\n";

    private const string ReflectionFile = "---\nid: reflection\ntitle: Think back\norder: 90\nkind: reflection\nprompt: What did you learn?\ndue_offset_days: 10\n---\nWrite about yourself.\n";

    private const string RubricFile = "---\nid: rubric-reflection\ntitle: Reflection rubric\nkind: rubric\nfor: reflection\ncriteria:\n  - id: own-practice\n    name: Grounded-in-practice-7c1\n    levels: [Level-one-7c1, Level-two-7c1, Level-three-7c1]\n  - id: next-step\n    name: A-next-step-7c1\n    levels: [Vague, Named, Tried]\n---\nGuidance-for-reviewers-7c1.\n";

    [Fact]
    public async Task ShippedKit_ImportedWithoutIssues_EveryDocumentAndRubricInFourLanguages()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "ChangeAgentAcademy.sln")))
        {
            dir = dir.Parent;
        }

        var root = Path.Combine(dir.FullName, "content");
        var report = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<ContentImporter>().ImportAsync(root, null));
        var counts = await site.WithScopeAsync(async (_, db) => new
        {
            Documents = await db.Set<KitDocument>().CountAsync(d => !d.Id.StartsWith("zz")),
            Texts = await db.Set<KitDocumentText>().Where(t => !t.DocId.StartsWith("zz")).GroupBy(t => t.Language).Select(g => g.Count()).ToListAsync(),
            Assignments = await db.Set<Lesson>().CountAsync(l => !l.Key.StartsWith("zz") && l.Kind != LessonKind.Lesson),
            Rubrics = await db.Set<AssignmentRubric>().Where(r => !r.LessonKey.StartsWith("zz")).GroupBy(r => r.Language).Select(g => g.Count()).ToListAsync(),
            Objectives = await db.Set<ModuleText>().CountAsync(t => !t.ModuleId.StartsWith("zz") && t.ObjectivesHtml != null),
        });

        Assert.True(Directory.Exists(Path.Combine(root, "en", "kit")), root);
        Assert.Empty(report.Issues);
        Assert.True(counts.Documents >= 21, $"{counts.Documents} kit documents");
        Assert.Equal([counts.Documents, counts.Documents, counts.Documents, counts.Documents], counts.Texts);
        Assert.Equal([counts.Assignments, counts.Assignments, counts.Assignments, counts.Assignments], counts.Rubrics);
        Assert.Equal(8 * 4, counts.Objectives);
    }

    [Fact]
    public async Task TrainerGuide_TraineeGets404AndNoListing_TrainerAndSupervisorRead()
    {
        var guide = Unique("zz-guide-");
        var sheet = Unique("zz-sheet-");
        await ImportAsync(TempContent(
            ($"en/kit/{guide}.md", KitFile(guide, "guide", "trainer, supervisor", "Guide-body-4e2.")),
            ($"en/kit/{sheet}.md", KitFile(sheet, "worksheet", "trainee, trainer, leader", "Sheet-body-4e2."))));
        var trainee = await SiteClient.SignedInAsync(site, (await site.PersonAsync(Roles.Trainee)).Email!, SiteClient.TestPassword);
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var supervisor = await SiteClient.SignedInAsync(site, (await site.PersonAsync(Roles.Supervisor)).Email!, SiteClient.TestPassword);

        var traineeGuide = await trainee.GetAsync($"/learn/kit/{guide}");
        var traineeSheet = await trainee.GetStringAsync($"/learn/kit/{sheet}");
        var traineeList = await trainee.GetStringAsync("/learn/kit");
        var trainerGuide = await trainer.GetAsync($"/learn/kit/{guide}");
        var trainerList = await trainer.GetStringAsync("/learn/kit");
        var supervisorGuide = await supervisor.GetAsync($"/learn/kit/{guide}");
        var supervisorSheet = await supervisor.GetAsync($"/learn/kit/{sheet}");

        Assert.Equal(HttpStatusCode.NotFound, traineeGuide.StatusCode);
        Assert.Contains("Sheet-body-4e2.", traineeSheet);
        Assert.DoesNotContain(guide, traineeList);
        Assert.Contains($"/learn/kit/{sheet}", traineeList);
        Assert.Equal(HttpStatusCode.OK, trainerGuide.StatusCode);
        Assert.Contains("Guide-body-4e2.", await trainerGuide.Content.ReadAsStringAsync());
        Assert.Contains($"/learn/kit/{guide}", trainerList);
        Assert.Equal(HttpStatusCode.OK, supervisorGuide.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, supervisorSheet.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync("/learn/kit/no-such-document")).StatusCode);
    }

    [Fact]
    public async Task Rubric_OnAssignmentPage_CriteriaForTrainee_GuidanceOnlyForTrainer_StructuredForReview()
    {
        var module = Unique("zz-rubric-");
        await ImportAsync(TempContent(
            ($"en/{module}/module.md", ModuleFile(module)),
            ($"en/{module}/reflection.md", ReflectionFile),
            ($"en/{module}/rubric-reflection.md", RubricFile)));
        var trainee = await SiteClient.SignedInAsync(site, (await site.PersonAsync(Roles.Trainee)).Email!, SiteClient.TestPassword);
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");

        var traineePage = await trainee.GetStringAsync($"/learn/{module}/reflection");
        var trainerPage = await trainer.GetStringAsync($"/learn/{module}/reflection");
        var stored = await site.WithScopeAsync((_, db) => db.Set<AssignmentRubric>().SingleAsync(r => r.LessonKey == module + "/reflection" && r.Language == "en"));
        var outline = await site.WithScopeAsync((sp, _) => sp.GetRequiredService<IProgrammeOutline>().RubricAsync(module + "/reflection", "sv"));

        Assert.Contains("Grounded-in-practice-7c1", traineePage);
        Assert.Contains("Level-three-7c1", traineePage);
        Assert.DoesNotContain("Guidance-for-reviewers-7c1", traineePage);
        Assert.Contains("Guidance-for-reviewers-7c1", trainerPage);
        Assert.Equal(["own-practice", "next-step"], JsonDocument.Parse(stored.CriteriaJson).RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.NotNull(outline);
        Assert.Equal(["Level-one-7c1", "Level-two-7c1", "Level-three-7c1"], outline!.Criteria[0].Levels);
    }

    [Fact]
    public async Task Rubric_OnWritingAndReviewPages_FromShippedContent()
    {
        var cohort = await site.CohortAsync(1);
        site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(1));
        await site.DispatchAsync();
        var work = (await site.WorkAsync(cohort.Id)).First(w => w.UserId == cohort.Trainees[0].Id && w.LessonKey.EndsWith("/reflection"));
        var rubric = await site.WithScopeAsync((_, db) => db.Set<AssignmentRubric>().SingleAsync(r => r.LessonKey == work.LessonKey && r.Language == "en"));
        var firstCriterion = JsonDocument.Parse(rubric.CriteriaJson).RootElement[0].GetProperty("name").GetString()!;
        var trainee = await SiteClient.SignedInAsync(site, cohort.Trainees[0].Email!, SiteClient.TestPassword);
        var trainer = await SiteClient.SignedInAsync(site, cohort.Trainer.Email!, SiteClient.TestPassword);

        var writing = WebUtility.HtmlDecode(await trainee.GetStringAsync($"/reflections/{work.Id}"));
        var submitted = await trainee.PostFormAsync($"/reflections/{work.Id}", $"/reflections/{work.Id}/submit", new Dictionary<string, string> { ["text"] = "I asked my colleagues first and learned to wait.", ["token"] = "kit-1", ["confirm"] = "false" });
        var review = WebUtility.HtmlDecode(await trainer.GetStringAsync($"/review/{work.Id}"));

        Assert.Contains(firstCriterion, writing);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Contains(firstCriterion, review);
        Assert.Contains("Guidance for your feedback", review); // beside the marking form since rubric review (#17)
        Assert.DoesNotContain("Guidance for your feedback", writing);
        Assert.DoesNotContain("Feedback guidance for the reviewer", writing);
    }

    [Fact]
    public async Task ModuleAndProgrammePages_ShowObjectivesAndTheTracksCompletionCriteria()
    {
        var module = Unique("zz-objectives-");
        var completion = Unique("zz-completion-");
        await ImportAsync(TempContent(
            ($"en/{module}/module.md", ModuleFile(module)),
            ($"en/{module}/objectives.md", "---\nid: objectives\ntitle: Objectives\nkind: objectives\n---\n- Objective-one-9d3\n- Objective-two-9d3\n"),
            ($"en/kit/{completion}.md", KitFile(completion, "completion", "trainee, trainer", "- Criterion-9d3", "track: trainee\n"))));
        var trainee = await SiteClient.SignedInAsync(site, (await site.PersonAsync(Roles.Trainee)).Email!, SiteClient.TestPassword);
        var leader = await SiteClient.SignedInAsync(site, (await site.PersonAsync(Roles.Leader)).Email!, SiteClient.TestPassword);

        var modulePage = await trainee.GetStringAsync($"/learn/{module}");
        var programme = await trainee.GetStringAsync("/learn");
        var leaderProgramme = await leader.GetStringAsync("/learn");

        Assert.Contains("Learning objectives", modulePage);
        Assert.Contains("Objective-two-9d3", modulePage);
        Assert.Contains("Criterion-9d3", programme);
        Assert.DoesNotContain("Criterion-9d3", leaderProgramme);
    }

    [Fact]
    public async Task Import_BadRubricMissingLanguageAndGuideForTrainees_ReportedLocalized_RestImported()
    {
        var module = Unique("zz-badkit-");
        var guide = Unique("zz-badguide-");
        var good = Unique("zz-goodsheet-");
        var root = TempContent(
            ($"en/{module}/module.md", ModuleFile(module)),
            ($"en/{module}/reflection.md", ReflectionFile),
            ($"en/{module}/rubric-reflection.md", RubricFile.Replace("levels: [Vague, Named, Tried]", "levels: [Vague, Named]")),
            ($"en/{module}/rubric-practical.md", RubricFile.Replace("rubric-reflection", "rubric-practical").Replace("for: reflection", "for: practical")),
            ($"en/kit/{guide}.md", KitFile(guide, "guide", "trainee, trainer", "Body.")),
            ($"en/kit/{good}.md", KitFile(good, "worksheet", "trainee", "Body.")),
            ($"sv/{module}/module.md", ModuleFile(module)),
            ($"sv/{module}/reflection.md", ReflectionFile));

        var report = await ImportAsync(root);
        var imported = await site.WithScopeAsync((_, db) => db.Set<KitDocument>().Where(d => d.Id == good || d.Id == guide).Select(d => d.Id).ToListAsync());
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/curriculum/admin"));

        Assert.Contains(report.Issues, i => i.File == $"en/{module}/rubric-reflection.md" && i.Code == "RubricShape" && i.Detail == "criteria[2].levels: 3");
        Assert.Contains(report.Issues, i => i.File == $"en/{module}/rubric-practical.md" && i.Code == "RubricWithoutAssignment");
        Assert.Contains(report.Issues, i => i.File == $"en/kit/{guide}.md" && i.Code == "Audience");
        Assert.Contains(report.Issues, i => i.File == $"sv/kit/{good}.md" && i.Code == "MissingLanguage" && i.Detail == "sv");
        Assert.Equal([good], imported);
        Assert.Contains("The rubric's shape is wrong at criteria[2].levels: 3", page);
        Assert.Contains($"sv/kit/{good}.md:0</code> This file exists in another language but not in 'sv'.", page);
    }
}

public sealed class SqliteKitTests(ClockedSqliteSite site) : KitTests<ClockedSqliteSite>(site);

public sealed class PostgresKitTests(ClockedPostgresSite site) : KitTests<ClockedPostgresSite>(site);
