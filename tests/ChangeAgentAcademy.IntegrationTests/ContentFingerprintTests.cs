using System.Net;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Cold start (issue 18): a start whose content folder holds the files the last clean import read skips the import;
/// a changed, added or removed file imports again; a lesson edited in the browser stays as the importer leaves it;
/// a folder with issues is read on every start. On SQLite and PostgreSQL, through real restarts on one database.
/// </summary>
public abstract class ContentFingerprintTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    /// <summary>Another start of the site on the fixture's database, reading <paramref name="content"/>.</summary>
    private sealed class Restart(string provider, string connectionString, string content) : SiteFactory
    {
        public override string Provider => provider;

        protected override string ConnectionString => connectionString;

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() =>
            [new("Jobs:RunServer", "false"), new("Curriculum:ContentPath", content)];
    }

    /// <summary>Starts the site once more on the same database, and gives what its start's import reported (null: skipped).</summary>
    private async Task<ImportReport?> RestartAsync(string content)
    {
        var node = new Restart(site.Provider, site.DatabaseConnectionString, content);
        await node.InitializeAsync();
        try
        {
            return node.Services.GetRequiredService<ImportReportHolder>().Last;
        }
        finally
        {
            await ((IAsyncLifetime)node).DisposeAsync();
        }
    }

    private static string TempContent(params (string Path, string Text)[] files)
    {
        var root = Path.Combine(Path.GetTempPath(), "caa-content", Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in files)
        {
            Write(root, path, text);
        }

        return root;
    }

    private static void Write(string root, string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, path))!);
        File.WriteAllText(Path.Combine(root, path), text);
    }

    private static string ModuleFile(string id) => $"---\nid: {id}\ntitle: Test module {id}\norder: 99\ntracks: [trainee]\nsummary: For tests.\n---\nAn introduction.\n";

    private static string LessonFile(string id, string title, string body, int order = 1) => $"---\nid: {id}\ntitle: {title}\norder: {order}\nkind: lesson\nreading_time: 3\n---\n{body}\n";

    private Task<int> VersionsAsync(string module) =>
        site.WithScopeAsync((_, db) => db.Set<LessonVersion>().CountAsync(v => v.LessonKey.StartsWith(module + "/")));

    [Fact]
    public async Task Restart_SameFilesSkipped_ChangedAddedOrRemovedFileImported()
    {
        var module = "zz-cold-" + Guid.NewGuid().ToString("N")[..6];
        var root = TempContent(($"en/{module}/module.md", ModuleFile(module)), ($"en/{module}/l1-one.md", LessonFile("l1-one", "One", "First text.")),
            ($"en/{module}/l2-two.md", LessonFile("l2-two", "Two", "Second text.", 2)));

        var first = await RestartAsync(root);
        var same = await RestartAsync(root);
        var versionsAfterSame = await VersionsAsync(module);
        Write(root, $"en/{module}/l1-one.md", LessonFile("l1-one", "One", "First text, changed."));
        var changed = await RestartAsync(root);
        var sameAgain = await RestartAsync(root);
        Write(root, $"en/{module}/l3-three.md", LessonFile("l3-three", "Three", "Third text.", 3));
        var added = await RestartAsync(root);
        File.Delete(Path.Combine(root, $"en/{module}/l3-three.md"));
        var removed = await RestartAsync(root);
        var published = await site.WithScopeAsync((_, db) => db.Set<LessonVersion>().Where(v => v.LessonKey == module + "/l1-one" && v.Status == VersionStatus.Published).Select(v => v.Markdown).SingleAsync());

        Assert.NotNull(first);
        Assert.Empty(first.Issues);
        Assert.Equal(3, first.Created); // the module's text and two lessons
        Assert.Null(same);
        Assert.Equal(2, versionsAfterSame);
        Assert.Equal(1, changed?.Created);
        Assert.Null(sameAgain);
        Assert.Equal(1, added?.Created);
        Assert.NotNull(removed);
        Assert.Contains("First text, changed.", published);
    }

    [Fact]
    public async Task Restart_LessonEditedInTheBrowser_KeptWhenSkipped_AndAChangedFileStillAConflict()
    {
        var module = "zz-coldedit-" + Guid.NewGuid().ToString("N")[..6];
        var root = TempContent(($"en/{module}/module.md", ModuleFile(module)), ($"en/{module}/l1-topic.md", LessonFile("l1-topic", "Topic", "File text.")));
        await RestartAsync(root);
        var trainer = await SiteClient.SignedInAsync(site, "trainer1@demo.local");
        var editUrl = $"/curriculum/admin/edit/{module}/l1-topic/en";
        var form = await trainer.GetStringAsync(editUrl);
        var revision = System.Text.RegularExpressions.Regex.Match(form, "id=\"Revision\" name=\"Revision\" value=\"(\\d+)\"").Groups[1].Value;
        var edited = await trainer.PostFormAsync(editUrl, editUrl, new() { ["Title"] = "Topic", ["ReadingMinutes"] = "4", ["Markdown"] = "Trainer's text.", ["Revision"] = revision, ["intent"] = "publish" });

        var skipped = await RestartAsync(root);
        var reader = await SiteClient.SignedInAsync(site, "trainee3@demo.local");
        var afterSkip = WebUtility.HtmlDecode(await reader.GetStringAsync($"/learn/{module}/l1-topic"));
        Write(root, $"en/{module}/l1-topic.md", LessonFile("l1-topic", "Topic", "New file text."));
        var changed = await RestartAsync(root);
        var afterChange = WebUtility.HtmlDecode(await reader.GetStringAsync($"/learn/{module}/l1-topic"));
        var open = await site.WithScopeAsync((_, db) => db.Set<ImportConflict>().CountAsync(c => c.LessonKey == module + "/l1-topic" && c.Resolution == null));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Null(skipped);
        Assert.Contains("Trainer's text.", afterSkip);
        Assert.Equal(1, changed?.Conflicts);
        Assert.Contains("Trainer's text.", afterChange);
        Assert.Equal(1, open);
    }

    [Fact]
    public async Task ImportIfChanged_FolderWithIssues_ReadEveryTime_UntilClean()
    {
        var module = "zz-coldbroken-" + Guid.NewGuid().ToString("N")[..6];
        var root = TempContent(($"en/{module}/module.md", ModuleFile(module)), ($"en/{module}/l1-good.md", LessonFile("l1-good", "Good", "Fine.")));
        Task<ImportReport?> ImportIfChangedAsync() => site.WithScopeAsync((sp, _) => sp.GetRequiredService<ContentImporter>().ImportIfChangedAsync(root));

        var clean = await ImportIfChangedAsync();
        Write(root, $"en/{module}/l2-bad.md", "---\nid: l2-bad\ntitle: [unclosed\n---\nText");
        var broken = await ImportIfChangedAsync();
        var brokenAgain = await ImportIfChangedAsync();
        File.Delete(Path.Combine(root, $"en/{module}/l2-bad.md"));
        // The files are those of the first, clean import again: read once more, since the broken import cleared its fingerprint.
        var backToClean = await ImportIfChangedAsync();
        var thenSkipped = await ImportIfChangedAsync();

        Assert.NotNull(clean);
        Assert.Contains(broken!.Issues, i => i.File == $"en/{module}/l2-bad.md");
        Assert.Contains(brokenAgain!.Issues, i => i.File == $"en/{module}/l2-bad.md");
        Assert.NotNull(backToClean);
        Assert.Empty(backToClean.Issues);
        Assert.Null(thenSkipped);
    }
}

public sealed class SqliteContentFingerprintTests(SqliteSite site) : ContentFingerprintTests<SqliteSite>(site);

public sealed class PostgresContentFingerprintTests(PostgresSite site) : ContentFingerprintTests<PostgresSite>(site);
