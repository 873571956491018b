using ChangeAgentAcademy.Curriculum.Services;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>The shipped content/ folder: every file in four languages, a rubric per assignment, objectives per module, the kit complete.</summary>
public class ShippedKitTests
{
    private static readonly string[] Languages = ["en", "sv", "da", "fi"];

    private static string ContentRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "ChangeAgentAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "content");
    }

    private static HashSet<string> FilesOf(string language) =>
        Directory.GetFiles(Path.Combine(ContentRoot(), language), "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Path.Combine(ContentRoot(), language), f).Replace('\\', '/'))
            .ToHashSet();

    [Fact]
    public void EveryFile_IncludingTheKit_ExistsInFourLanguages()
    {
        var all = Languages.SelectMany(FilesOf).ToHashSet();
        var missing = Languages.SelectMany(l => all.Except(FilesOf(l)).Select(f => $"{l}/{f}")).Order().ToList();

        Assert.Contains(all, f => f.StartsWith("kit/", StringComparison.Ordinal));
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryModule_HasObjectives_AndEveryAssignmentARubricThatParses()
    {
        var problems = new List<string>();
        foreach (var language in Languages)
        {
            foreach (var module in Directory.GetDirectories(Path.Combine(ContentRoot(), language)).Where(d => Path.GetFileName(d) != ContentImporter.KitFolder))
            {
                var objectives = Path.Combine(module, ContentImporter.ObjectivesFile);
                if (!File.Exists(objectives) || ContentFile.Parse(objectives, File.ReadAllText(objectives), ContentRole.Objectives).Issue is { } issue && Report(issue))
                {
                    problems.Add($"{language}/{Path.GetFileName(module)}: objectives");
                }

                foreach (var kind in new[] { "reflection", "practical" }.Where(k => File.Exists(Path.Combine(module, k + ".md"))))
                {
                    var rubric = Path.Combine(module, $"rubric-{kind}.md");
                    var parsed = File.Exists(rubric) ? ContentFile.Parse(rubric, File.ReadAllText(rubric), ContentRole.Rubric) : (null, null);
                    if (parsed.Content is null)
                    {
                        problems.Add($"{language}/{Path.GetFileName(module)}/rubric-{kind}: {parsed.Issue?.ToString() ?? "missing"}");
                    }
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void RubricCriteriaIds_AreTheSameInEveryLanguage()
    {
        var differ = new List<string>();
        foreach (var file in FilesOf("en").Where(f => Path.GetFileName(f).StartsWith("rubric-", StringComparison.Ordinal)))
        {
            var ids = Languages.Select(l => Path.Combine(ContentRoot(), l, file)).Where(File.Exists)
                .Select(p => string.Join(',', ContentFile.Parse(p, File.ReadAllText(p), ContentRole.Rubric).Content?.Meta.Criteria?.Select(c => c.Id) ?? []))
                .Distinct().ToList();
            if (ids.Count != 1)
            {
                differ.Add(file + ": " + string.Join(" | ", ids));
            }
        }

        Assert.Empty(differ);
    }

    [Fact]
    public void Kit_HasEveryDocumentTheProgrammeNeeds_AndEachParses()
    {
        string[] needed =
        [
            "guide-kickoff", "guide-supervision-session", "guide-group-contract", "guide-future-workshop", "guide-co-facilitation", "guide-joint-summary",
            "worksheet-pdsa", "worksheet-persona", "worksheet-shadowing-agreement", "worksheet-joint-summary", "worksheet-action-plan", "worksheet-deidentification",
            "glossary", "competency-map", "completion-trainee", "completion-leader",
            "reading-power-and-influence", "reading-resistance", "reading-networks", "reading-storytelling", "reading-resilience",
        ];
        var kit = Path.Combine(ContentRoot(), "en", ContentImporter.KitFolder);
        var problems = needed.Where(id => !File.Exists(Path.Combine(kit, id + ".md"))).Select(id => id + ": missing").ToList();
        foreach (var language in Languages)
        {
            foreach (var file in Directory.Exists(Path.Combine(ContentRoot(), language, "kit")) ? Directory.GetFiles(Path.Combine(ContentRoot(), language, "kit"), "*.md") : [])
            {
                var (content, issue) = ContentFile.Parse(file, File.ReadAllText(file), ContentRole.Kit);
                if (content is null)
                {
                    problems.Add(issue!.ToString());
                }
                else if (content.Meta.Kind == "guide" && content.Meta.Audience!.Contains("trainee"))
                {
                    problems.Add(file + ": a guide for trainees");
                }
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void KitLinksInLessons_PointAtDocumentsAndGlossaryTermsThatExist()
    {
        var broken = new List<string>();
        var links = 0;
        foreach (var language in Languages)
        {
            var kit = Path.Combine(ContentRoot(), language, ContentImporter.KitFolder);
            var glossary = Path.Combine(kit, "glossary.md");
            var terms = ContentFile.Parse(glossary, File.ReadAllText(glossary), ContentRole.Kit).Content?.Meta.Terms?.Select(t => t.Id).ToHashSet() ?? [];
            foreach (var file in Directory.GetFiles(Path.Combine(ContentRoot(), language), "*.md", SearchOption.AllDirectories))
            {
                foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"\]\(/learn/kit/([a-z0-9-]+)(?:#([a-z0-9-]+))?\)"))
                {
                    links++;
                    var doc = m.Groups[1].Value;
                    if (!File.Exists(Path.Combine(kit, doc + ".md")) || (m.Groups[2].Success && (doc != "glossary" || !terms.Contains(m.Groups[2].Value))))
                    {
                        broken.Add($"{Path.GetRelativePath(ContentRoot(), file)}: {m.Value}");
                    }
                }
            }
        }

        Assert.True(links >= 32, $"{links} kit links");
        Assert.Empty(broken);
    }

    private static bool Report(ContentIssue issue) => issue is not null;
}
