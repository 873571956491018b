using System.Net;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>The curriculum: import, reading, completion, authoring and its refusals, on SQLite and PostgreSQL.</summary>
public abstract class CurriculumTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    private const string Lesson1 = "/learn/m1-role-and-mandate/l1-co-creation";

    private static string ContentRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "ChangeAgentAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "content");
    }

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

    private static string ModuleFile(string id, int order = 99) => $"---\nid: {id}\ntitle: Test module {id}\norder: {order}\ntracks: [trainee]\nsummary: For tests.\n---\nAn introduction.\n";

    private static string LessonFile(string id, string title, string body, int order = 1) => $"---\nid: {id}\ntitle: {title}\norder: {order}\nkind: lesson\nreading_time: 3\n---\n{body}\n";

    [Fact]
    public async Task Import_ShippedContent_EveryModuleAndLessonInFourLanguagesWithoutIssues()
    {
        var report = await ImportAsync(ContentRoot());
        var counts = await site.WithScopeAsync(async (_, db) => new
        {
            Modules = await db.Set<ProgrammeModule>().CountAsync(m => !m.Id.StartsWith("zz")),
            Lessons = await db.Set<Lesson>().CountAsync(l => !l.Key.StartsWith("zz")),
            PerLanguage = await db.Set<LessonLanguageState>().Where(s => s.PublishedVersionId != null && !s.LessonKey.StartsWith("zz")).GroupBy(s => s.Language).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(),
        });

        Assert.Empty(report.Issues);
        Assert.Equal(8, counts.Modules);
        Assert.True(counts.Lessons >= 40, $"{counts.Lessons} lessons and assignments");
        Assert.Equal(4, counts.PerLanguage.Count);
        Assert.All(counts.PerLanguage, l => Assert.Equal(counts.Lessons, l.Count));
    }

    [Fact]
    public async Task Import_SameFilesTwice_ChangesNothing()
    {
        await ImportAsync(ContentRoot());
        var before = await site.WithScopeAsync((_, db) => db.Set<LessonVersion>().CountAsync());

        var again = await ImportAsync(ContentRoot());
        var after = await site.WithScopeAsync((_, db) => db.Set<LessonVersion>().CountAsync());

        Assert.Equal(0, again.Created);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Import_BrokenFiles_NamedWithLine_AndTheRestImported()
    {
        var root = TempContent(
            ("en/zz-broken/module.md", ModuleFile("zz-broken")),
            ("en/zz-broken/l1-good.md", LessonFile("l1-good", "A good lesson", "Fine text.")),
            ("en/zz-broken/l2-bad-yaml.md", "---\nid: l2-bad-yaml\ntitle: [unclosed\norder: 2\n---\nText"),
            ("en/zz-broken/l3-no-title.md", "---\nid: l3-no-title\norder: 3\nkind: lesson\nreading_time: 2\n---\nText"),
            ("en/zz-broken/l4-unclosed.md", "---\nid: l4-unclosed\ntitle: No end\n"));

        var report = await ImportAsync(root);
        var imported = await site.WithScopeAsync((_, db) => db.Set<Lesson>().Where(l => l.ModuleId == "zz-broken").Select(l => l.Slug).ToListAsync());
        var adminPage = WebUtility.HtmlDecode(await (await SiteClient.SignedInAsync(site, "admin@demo.local")).GetStringAsync("/curriculum/admin"));

        Assert.Equal(["l1-good"], imported);
        Assert.Contains(report.Issues, i => i.File == "en/zz-broken/l2-bad-yaml.md" && i.Line == 3);
        Assert.Contains(report.Issues, i => i.File == "en/zz-broken/l3-no-title.md" && i.Code == "Missing" && i.Detail == "title");
        Assert.Contains(report.Issues, i => i.File == "en/zz-broken/l4-unclosed.md" && i.Code == "Unclosed");
        Assert.Contains("en/zz-broken/l3-no-title.md:2</code> 'title' is missing or has the wrong kind of value.", adminPage);
    }

    [Fact]
    public async Task Import_ChangedFileAfterBrowserEdit_NotOverwritten_AdministratorChooses()
    {
        var module = "zz-conflict-" + Guid.NewGuid().ToString("N")[..6];
        var root = TempContent(($"en/{module}/module.md", ModuleFile(module)), ($"en/{module}/l1-topic.md", LessonFile("l1-topic", "Topic", "First file text.")));
        await ImportAsync(root);
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var edited = await PublishAsync(trainer, module, "l1-topic", "en", "Topic", "Trainer's better text.");
        File.WriteAllText(Path.Combine(root, $"en/{module}/l1-topic.md"), LessonFile("l1-topic", "Topic", "Second file text."));

        var report = await ImportAsync(root);
        var reader = await SiteClient.SignedInAsync(site, "trainee2@demo.local");
        var page = WebUtility.HtmlDecode(await reader.GetStringAsync($"/learn/{module}/l1-topic"));
        var admin = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var authoring = await admin.GetStringAsync("/curriculum/admin");
        var conflictId = await site.WithScopeAsync((_, db) => db.Set<ImportConflict>().Where(c => c.LessonKey == module + "/l1-topic" && c.Resolution == null).Select(c => c.Id).SingleAsync());
        var take = await admin.PostFormAsync("/curriculum/admin", $"/curriculum/admin/conflicts/{conflictId}/take", new Dictionary<string, string>());
        var after = await reader.GetStringAsync($"/learn/{module}/l1-topic");

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(1, report.Conflicts);
        Assert.Contains("Trainer's better text.", page);
        Assert.Contains(module + "/l1-topic", authoring);
        Assert.Equal(HttpStatusCode.Redirect, take.StatusCode);
        Assert.Contains("Second file text.", after);
        Assert.Equal(0, (await ImportAsync(root)).Conflicts);
    }

    [Fact]
    public async Task LessonPage_Trainee_RendersLessonWithNavigationAndAtMostTwoQueries()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        await client.GetAsync(Lesson1);
        site.Queries.Reset();

        var response = await client.GetAsync(Lesson1);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Co-creation versus involvement</h1>", page);
        Assert.Contains("min read", page);
        Assert.Contains("href=\"/learn/m1-role-and-mandate/l2-", page);
        Assert.Contains("Mark as done", page);
        Assert.Contains("<blockquote>", page);
        Assert.InRange(site.Queries.For(Lesson1), 1, 2);
    }

    [Fact]
    public async Task LessonPage_SwedishReader_GetsSwedishText()
    {
        var person = await site.PersonAsync(Roles.Trainee, language: "sv");
        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

        var page = await client.GetStringAsync(Lesson1);

        Assert.Contains("<html lang=\"sv\">", page);
        Assert.Contains("Samskapande eller involvering", page);
        Assert.DoesNotContain("not yet translated", page);
    }

    [Fact]
    public async Task LessonPage_MissingTranslation_FallsBackToDefaultLanguageWithNotice()
    {
        var module = "zz-fallback-" + Guid.NewGuid().ToString("N")[..6];
        await ImportAsync(TempContent(($"en/{module}/module.md", ModuleFile(module)), ($"en/{module}/l1-only-english.md", LessonFile("l1-only-english", "Only in English", "English body."))));
        var person = await site.PersonAsync(Roles.Trainee, language: "fi");
        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

        var page = await client.GetStringAsync($"/learn/{module}/l1-only-english");

        Assert.Contains("English body.", page);
        Assert.Contains("Tekstiä ei ole vielä käännetty kielellesi", page);
    }

    [Theory]
    [InlineData("/learn/no-such-module")]
    [InlineData("/learn/no-such-module/l1-co-creation")]
    [InlineData("/learn/m1-role-and-mandate/no-such-lesson")]
    public async Task UnknownModuleOrLesson_Localized404(string url)
    {
        var client = await SiteClient.SignedInAsync(site, "trainee3@demo.local");

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MarkDone_TwiceThenProgressAndResumeMove_UndoWorks()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        var client = await SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);
        var before = await client.GetStringAsync("/learn");

        await client.PostFormAsync(Lesson1, Lesson1 + "/done", new() { ["done"] = "true" });
        await client.PostFormAsync(Lesson1, Lesson1 + "/done", new() { ["done"] = "true" });
        var lesson = await client.GetStringAsync(Lesson1);
        var programme = await client.GetStringAsync("/learn");
        var rows = await site.WithScopeAsync((_, db) => db.Set<LessonCompletion>().CountAsync(c => c.UserId == person.Id));
        await client.PostFormAsync(Lesson1, Lesson1 + "/done", new() { ["done"] = "false" });
        var undone = await client.GetStringAsync(Lesson1);

        Assert.Contains("href=\"/learn/m1-role-and-mandate/l1-co-creation\">Continue", before);
        Assert.Contains("1 of 4 lessons done", lesson);
        Assert.Contains("aria-valuenow=\"25\"", lesson);
        Assert.Contains("href=\"/learn/m1-role-and-mandate/l2-", programme);
        Assert.Equal(1, rows);
        Assert.Contains("0 of 4 lessons done", undone);
    }

    [Fact]
    public async Task LeaderWithoutCohort_SeesLeaderTrack()
    {
        var page = await (await SiteClient.SignedInAsync(site, "leader2@demo.local")).GetStringAsync("/learn");

        Assert.Contains("href=\"/learn/m1-role-and-mandate\"", page);
        Assert.Contains("href=\"/learn/leader-track\"", page);
        Assert.DoesNotContain("href=\"/learn/m2-citizen-conversations\"", page);
    }

    private static Task<HttpResponseMessage> PublishAsync(SiteClient client, string module, string lesson, string language, string title, string markdown, string intent = "publish") =>
        client.PostFormAsync($"/curriculum/admin/edit/{module}/{lesson}/{language}", $"/curriculum/admin/edit/{module}/{lesson}/{language}", FormFrom(client, module, lesson, language, title, markdown, intent).Result);

    private static async Task<Dictionary<string, string>> FormFrom(SiteClient client, string module, string lesson, string language, string title, string markdown, string intent)
    {
        var page = await client.GetStringAsync($"/curriculum/admin/edit/{module}/{lesson}/{language}");
        var revision = System.Text.RegularExpressions.Regex.Match(page, "id=\"Revision\" name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        return new() { ["Title"] = title, ["ReadingMinutes"] = "4", ["Markdown"] = markdown, ["Revision"] = revision, ["intent"] = intent };
    }

    [Fact]
    public async Task Authoring_DraftIsHidden_PublishShows_HistoryDiffAndRestore()
    {
        var module = "zz-author-" + Guid.NewGuid().ToString("N")[..6];
        await ImportAsync(TempContent(($"en/{module}/module.md", ModuleFile(module)), ($"en/{module}/l1-topic.md", LessonFile("l1-topic", "Topic", "Original words."))));
        var trainer = await SiteClient.SignedInAsync(site, "trainer2@demo.local");
        var reader = await SiteClient.SignedInAsync(site, "trainee4@demo.local");
        var url = $"/learn/{module}/l1-topic";

        var draft = await PublishAsync(trainer, module, "l1-topic", "en", "Topic", "Draft words.", "draft");
        var whileDraft = await reader.GetStringAsync(url);
        var published = await PublishAsync(trainer, module, "l1-topic", "en", "Topic renamed", "Published words.");
        var afterPublish = await reader.GetStringAsync(url);
        var versions = await site.WithScopeAsync((_, db) => db.Set<LessonVersion>().Where(v => v.LessonKey == module + "/l1-topic").OrderBy(v => v.Number).ToListAsync());
        var history = await trainer.GetStringAsync($"/curriculum/admin/history/{module}/l1-topic/en");
        var diff = await trainer.GetStringAsync($"/curriculum/admin/diff/{module}/l1-topic/en?from={versions[0].Id}&to={versions[2].Id}");
        var restore = await trainer.PostFormAsync($"/curriculum/admin/history/{module}/l1-topic/en", $"/curriculum/admin/restore/{module}/l1-topic/en/{versions[0].Id}", new Dictionary<string, string>());
        var afterRestore = await reader.GetStringAsync(url);
        var audit = await site.WithScopeAsync((_, db) => db.Audit.CountAsync(a => a.Subject == module + "/l1-topic/en" && (a.Action == "curriculum.published" || a.Action == "curriculum.restored")));

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Contains("Original words.", whileDraft);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Published words.", afterPublish);
        Assert.Contains("Topic renamed", afterPublish);
        Assert.Equal([VersionStatus.Superseded, VersionStatus.Draft, VersionStatus.Published], versions.Select(v => v.Status));
        Assert.Contains("Mikkel Sørensen", System.Net.WebUtility.HtmlDecode(history));
        Assert.Contains("diff-removed", diff);
        Assert.Contains("Original words.", diff);
        Assert.Contains("Published words.", diff);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        Assert.Contains("Original words.", afterRestore);
        Assert.Equal(2, audit);
    }

    [Fact]
    public async Task Authoring_TwoPeoplePublishAtOnce_SecondSeesConflictAndKeepsText()
    {
        var module = "zz-race-" + Guid.NewGuid().ToString("N")[..6];
        await ImportAsync(TempContent(($"en/{module}/module.md", ModuleFile(module)), ($"en/{module}/l1-topic.md", LessonFile("l1-topic", "Topic", "Start."))));
        var first = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var second = await SiteClient.SignedInAsync(site, "admin@demo.local");
        var firstForm = await FormFrom(first, module, "l1-topic", "en", "Topic", "First author's text.", "publish");
        var secondForm = await FormFrom(second, module, "l1-topic", "en", "Topic", "Second author's text.", "publish");
        var editUrl = $"/curriculum/admin/edit/{module}/l1-topic/en";

        var one = await first.PostFormAsync(editUrl, editUrl, firstForm);
        var two = await second.PostFormAsync(editUrl, editUrl, secondForm);
        var twoPage = System.Net.WebUtility.HtmlDecode(await two.Content.ReadAsStringAsync());
        var published = await site.WithScopeAsync((_, db) => db.Set<LessonVersion>().Where(v => v.LessonKey == module + "/l1-topic" && v.Status == VersionStatus.Published).Select(v => v.Markdown).SingleAsync());

        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, two.StatusCode);
        Assert.Contains("Someone else saved this lesson while you were editing.", twoPage);
        Assert.Contains("Second author's text.", twoPage);
        Assert.Contains("First author's text.", twoPage);
        Assert.Equal("First author's text.", published);
    }

    [Theory]
    [InlineData("trainee1@demo.local")]
    [InlineData("leader1@demo.local")]
    public async Task Authoring_WithoutPermission_403AndNothingSaved(string email)
    {
        var client = await SiteClient.SignedInAsync(site, email);
        var before = await site.WithScopeAsync((_, db) => db.Set<LessonVersion>().CountAsync());

        var get = await client.GetAsync("/curriculum/admin/edit/m1-role-and-mandate/l1-co-creation/en");
        var post = await client.PostFormAsync("/learn", "/curriculum/admin/edit/m1-role-and-mandate/l1-co-creation/en", new()
        {
            ["Title"] = "Hacked", ["ReadingMinutes"] = "1", ["Markdown"] = "Hacked", ["Revision"] = "1", ["intent"] = "publish",
        });
        var import = await client.PostFormAsync("/learn", "/curriculum/admin/import", new Dictionary<string, string>());
        var after = await site.WithScopeAsync((_, db) => db.Set<LessonVersion>().CountAsync());

        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Authoring_HostileMarkdown_RendersHarmless()
    {
        var module = "zz-xss-" + Guid.NewGuid().ToString("N")[..6];
        await ImportAsync(TempContent(($"en/{module}/module.md", ModuleFile(module)), ($"en/{module}/l1-topic.md", LessonFile("l1-topic", "Topic", "Start."))));
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");

        await PublishAsync(trainer, module, "l1-topic", "en", "Topic", "Hello <script>alert('x')</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror=alert(2)>");
        var page = await (await SiteClient.SignedInAsync(site, "trainee5@demo.local")).GetStringAsync($"/learn/{module}/l1-topic");
        var body = page[page.IndexOf("<article", StringComparison.Ordinal)..];

        Assert.DoesNotContain("<script>alert", body);
        Assert.DoesNotContain("javascript:", body);
        Assert.DoesNotContain("<img src=\"x\" onerror", body);
        Assert.Contains("&lt;script&gt;", body);
    }

    [Fact]
    public async Task Authoring_EmptyText_LocalizedErrorAndTypedTitleKept()
    {
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var form = await FormFrom(trainer, "m1-role-and-mandate", "reflection", "en", "My kept title", "", "publish");
        form["Prompt"] = "";

        var response = await trainer.PostFormAsync("/curriculum/admin/edit/m1-role-and-mandate/reflection/en", "/curriculum/admin/edit/m1-role-and-mandate/reflection/en", form);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Fill in Text (Markdown).", page);
        Assert.Contains("An assignment needs its question.", page);
        Assert.Contains("value=\"My kept title\"", page);
    }
}

public sealed class SqliteCurriculumTests(SqliteSite site) : CurriculumTests<SqliteSite>(site);

public sealed class PostgresCurriculumTests(PostgresSite site) : CurriculumTests<PostgresSite>(site);
