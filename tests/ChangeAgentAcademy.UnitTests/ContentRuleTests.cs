using System.Text.RegularExpressions;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Jobs;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Services;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>
/// The shipped curriculum's own rules (content/README.md, "Reading time" and "Due dates"), read from the
/// files in every language: no database involved.
/// </summary>
public partial class ContentRuleTests
{
    /// <summary>Practical types that need other people invited or fitted into a rota.</summary>
    public static readonly string[] InvitationPracticals = ["dilemma", "co-facilitation", "shadowing"];

    public const int MinimumPracticalDays = 14;
    public const int MinimumInvitationPracticalDays = 28;
    public const int ReflectionAfterPracticalDays = 7;
    public const int ReviewDays = 14;

    private static readonly string[] Languages = ["en", "sv", "da", "fi"];

    private sealed record Module(string Language, string Id, int Order, IReadOnlyList<string> Tracks, IReadOnlyList<Item> Items);

    private sealed record Item(string File, string Slug, FrontMatter Meta, string Body);

    private static string ContentRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(dir!.FullName, "ChangeAgentAcademy.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir.FullName, "content");
    }

    private static readonly Lazy<IReadOnlyList<Module>> Shipped = new(() => Read(ContentRoot()));

    private static IReadOnlyList<Module> Read(string root)
    {
        var modules = new List<Module>();
        foreach (var language in Languages)
        {
            foreach (var folder in Directory.GetDirectories(Path.Combine(root, language)).Order())
            {
                var moduleFile = Path.Combine(folder, "module.md");
                if (!File.Exists(moduleFile))
                {
                    continue; // the kit (content/<lang>/kit) is not a module: its tests are ShippedKitTests
                }

                var (module, issue) = ContentFile.Parse(moduleFile, File.ReadAllText(moduleFile), isModule: true);
                Assert.True(issue is null, issue?.ToString());
                var items = new List<Item>();
                foreach (var file in Directory.GetFiles(folder, "*.md").Where(IsLessonOrAssignment).Order())
                {
                    var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
                    var (content, itemIssue) = ContentFile.Parse(relative, File.ReadAllText(file), isModule: false);
                    Assert.True(itemIssue is null, itemIssue?.ToString());
                    items.Add(new Item(relative, Path.GetFileNameWithoutExtension(file), content!.Meta, content.Body));
                }

                modules.Add(new Module(language, Path.GetFileName(folder), module!.Meta.Order!.Value, module.Meta.Tracks!, items));
            }
        }

        return modules;
    }

    /// <summary>Lessons (l1-…), reflection.md and practical.md; not the module file, objectives or rubrics.</summary>
    private static bool IsLessonOrAssignment(string path) =>
        Path.GetFileName(path) is "reflection.md" or "practical.md"
        || Regex.IsMatch(Path.GetFileName(path), @"^l\d+-");

    /// <summary>What the importer would compute for a lesson without reading_time: words / 160, rounded up.</summary>
    public static int ExpectedReadingTime(string body) => MarkdownRenderer.ReadingMinutes(MarkdownRenderer.CountWords(body));

    /// <summary>Every broken due-date rule of one module's assignments, in words.</summary>
    public static IEnumerable<string> DueDateProblems(string module, int? practicalDays, string? practicalType, int? reflectionDays)
    {
        if (practicalDays is { } p)
        {
            var minimum = practicalType is not null && InvitationPracticals.Contains(practicalType) ? MinimumInvitationPracticalDays : MinimumPracticalDays;
            if (p < minimum)
            {
                yield return $"{module}: the {practicalType} practical is due after {p} days, less than {minimum}";
            }

            if (reflectionDays is { } r && r < p + ReflectionAfterPracticalDays)
            {
                yield return $"{module}: the reflection is due after {r} days, not at least {ReflectionAfterPracticalDays} days after the practical ({p})";
            }
        }
    }

    [Fact]
    public void ReadingTime_EveryLessonInEveryLanguage_IsWordsOver160RoundedUp()
    {
        var lessons = Shipped.Value.SelectMany(m => m.Items).Where(i => i.Meta.Kind == "lesson").ToList();

        var wrong = lessons.Where(l => l.Meta.ReadingTime != ExpectedReadingTime(l.Body))
            .Select(l => $"{l.File}: reading_time {l.Meta.ReadingTime}, rule gives {ExpectedReadingTime(l.Body)}")
            .ToList();

        Assert.True(lessons.Count >= 4 * 32, $"{lessons.Count} lessons");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData(159, 1)]
    [InlineData(800, 5)]
    [InlineData(801, 6)]
    public void ExpectedReadingTime_CountsWordsWithLettersOnly(int words, int minutes)
    {
        var body = string.Join(' ', Enumerable.Repeat("ord", words)) + " - — | --- ";

        Assert.Equal(minutes, ExpectedReadingTime(body));
    }

    [Fact]
    public void DueDates_EveryModuleInEveryLanguage_PracticalDoableAndReflectionAfterIt()
    {
        var problems = new List<string>();
        foreach (var module in Shipped.Value)
        {
            var practical = module.Items.SingleOrDefault(i => i.Meta.Kind == "practical");
            var reflection = module.Items.SingleOrDefault(i => i.Meta.Kind == "reflection");
            problems.AddRange(DueDateProblems($"{module.Language}/{module.Id}", practical?.Meta.DueOffsetDays, practical?.Meta.PracticalType, reflection?.Meta.DueOffsetDays));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(4 * 7, Shipped.Value.Count(m => m.Items.Any(i => i.Meta.Kind == "practical")));
    }

    [Theory]
    [InlineData("m4", 14, "pdsa", 10, 1)]          // the first edition: reflection before the practical
    [InlineData("m7", 14, "shadowing", 21, 1)]     // a shadowing day cannot be arranged in two weeks
    [InlineData("m5", 42, "dilemma", 45, 1)]       // reflection only three days after
    [InlineData("m7", 28, "shadowing", 35, 0)]
    [InlineData("m1", 14, "competence-map", 21, 0)]
    [InlineData("lt", null, null, 10, 0)]          // no practical: nothing to follow
    public void DueDateProblems_NamesEachBrokenRule(string module, int? practical, string? type, int? reflection, int count)
    {
        Assert.Equal(count, DueDateProblems(module, practical, type, reflection).Count());
    }

    [Fact]
    public void DueDates_SameOffsetsInEveryLanguage()
    {
        var offsets = Shipped.Value.SelectMany(m => m.Items.Where(i => i.Meta.DueOffsetDays is not null).Select(i => (m.Language, Key: $"{m.Id}/{i.Slug}", Days: i.Meta.DueOffsetDays!.Value, Type: i.Meta.PracticalType)))
            .GroupBy(x => x.Key)
            .Where(g => g.Select(x => (x.Days, x.Type)).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: " + string.Join(", ", g.Select(x => $"{x.Language} {x.Days} {x.Type}")))
            .ToList();

        Assert.True(offsets.Count == 0, string.Join("\n", offsets));
    }

    [Theory]
    [InlineData("trainee")]
    [InlineData("leader")]
    public void DueDates_DefaultCadence_EveryDueDateLeavesReviewTimeBeforeTheCohortCloses(string track)
    {
        var modules = Shipped.Value.Where(m => m.Language == "en" && m.Tracks.Contains(track)).OrderBy(m => m.Order).ToList();
        var assignments = modules.SelectMany((m, index) => m.Items.Where(i => i.Meta.Kind != "lesson")
            .Select(i => new OutlineAssignment($"{m.Id}/{i.Slug}", m.Id, index + 1, i.Meta.Kind!, i.Meta.PracticalType, i.Meta.DueOffsetDays!.Value))).ToList();
        var cadence = new Cohort().CadenceWeeks;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");
        // Worst case: the cohort starts the day after its cadence weekday, so the first module opens six days later.
        var start = new DateOnly(2027, 1, 6);
        var cohort = new CohortCadence(Guid.NewGuid(), "C", track, "en", start, cadence, DayOfWeek.Tuesday, new TimeOnly(8, 0), zone.Id, []);

        var closes = CloseEndedCohortsJob.EndDate(start, cadence);
        var late = AssignmentScheduler.Plan(cohort, assignments, modules.Count)
            .Select(p => (p.Assignment.Key, Due: DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(p.DueUtc, zone))))
            .Where(p => p.Due.AddDays(ReviewDays) > closes)
            .Select(p => $"{p.Key} due {p.Due:yyyy-MM-dd}, cohort closes after {closes:yyyy-MM-dd}")
            .ToList();

        Assert.Equal(2, cadence);
        Assert.NotEmpty(assignments);
        Assert.True(late.Count == 0, string.Join("\n", late));
    }

    [GeneratedRegex(@"\]\((/learn/[^)#\s]*)")]
    private static partial Regex LearnLink();

    [Fact]
    public void Links_EveryLearnLink_PointsToAnExistingLessonInTheSameLanguage()
    {
        var broken = new List<string>();
        var links = 0;
        foreach (var module in Shipped.Value)
        {
            foreach (var item in module.Items)
            {
                foreach (Match match in LearnLink().Matches(item.Body))
                {
                    links++;
                    var parts = match.Groups[1].Value.Trim('/').Split('/');
                    var target = parts.Length == 3 && parts[1] == "kit"
                        ? Path.Combine(ContentRoot(), module.Language, "kit", parts[2] + ".md")
                        : parts.Length == 3
                        ? Path.Combine(ContentRoot(), module.Language, parts[1], parts[2] + ".md")
                        : Path.Combine(ContentRoot(), module.Language, parts.ElementAtOrDefault(1) ?? "", "module.md");
                    if (!File.Exists(target))
                    {
                        broken.Add($"{item.File}: {match.Groups[1].Value}");
                    }
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
        Assert.True(links >= 4 * 2, $"{links} links"); // m5 l2 and m7 l5 link the legal annex in every language
    }

    [Fact]
    public void Links_LegalAnnexLink_SurvivesTheRenderer()
    {
        var body = Shipped.Value.Single(m => m.Language == "en" && m.Id == "m5-supervision").Items.Single(i => i.Slug == "l2-the-frame").Body;

        Assert.Contains("href=\"/learn/m7-across-boundaries/l6-legal-annex\"", new MarkdownRenderer().Render(body).Html);
    }
}
