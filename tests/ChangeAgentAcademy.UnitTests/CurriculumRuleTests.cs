using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Curriculum.Services;

namespace ChangeAgentAcademy.UnitTests;

public class FrontMatterTests
{
    private const string Lesson = "---\nid: l1-co-creation\ntitle: \"Co-creation: together\"\norder: 1\nkind: lesson\nreading_time: 6\n---\n## Heading\n\nBody text.\n";

    [Fact]
    public void Parse_ValidLesson_ReadsEveryKeyAndBody()
    {
        var (content, issue) = ContentFile.Parse("en/m1/l1.md", Lesson, isModule: false);

        Assert.Null(issue);
        Assert.Equal("l1-co-creation", content!.Meta.Id);
        Assert.Equal("Co-creation: together", content.Meta.Title);
        Assert.Equal(1, content.Meta.Order);
        Assert.Equal(6, content.Meta.ReadingTime);
        Assert.StartsWith("## Heading", content.Body);
    }

    [Fact]
    public void Parse_Assignment_ReadsPromptAndDueOffset()
    {
        var text = "---\nid: reflection\ntitle: Authority\norder: 90\nkind: reflection\nprompt: >\n  A time when\n  it pulled apart.\ndue_offset_days: 10\n---\nGuidance.";

        var (content, issue) = ContentFile.Parse("f.md", text, isModule: false);

        Assert.Null(issue);
        Assert.Equal("A time when it pulled apart.\n", content!.Meta.Prompt);
        Assert.Equal(10, content.Meta.DueOffsetDays);
    }

    [Fact]
    public void Parse_Module_NeedsTracks()
    {
        var (_, issue) = ContentFile.Parse("en/m1/module.md", "---\nid: m1\ntitle: M1\norder: 1\n---\nIntro", isModule: true);

        Assert.NotNull(issue);
        Assert.Equal("Tracks", issue!.Code);
    }

    [Theory]
    [InlineData("no front matter at all", 1, "NoFrontMatter", null)]
    [InlineData("---\nid: x\ntitle: y\n", 3, "Unclosed", null)]
    [InlineData("---\nid: x\ntitle: [broken\norder: 1\n---\n", 3, "InvalidYaml", null)]
    [InlineData("---\nid: x\norder: 1\nkind: lesson\nreading_time: 2\n---\n", 2, "Missing", "title")]
    [InlineData("---\nid: x\ntitle: y\norder: one\nkind: lesson\n---\n", 4, "InvalidYaml", null)]
    [InlineData("---\nid: x\ntitle: y\norder: 1\nkind: essay\n---\n", 5, "Kind", null)]
    [InlineData("---\nid: x\ntitle: y\norder: 1\nkind: lesson\n---\n", 2, "Missing", "reading_time")]
    [InlineData("---\nid: x\ntitle: y\norder: 1\nkind: practical\ndue_offset_days: 3\n---\n", 2, "Missing", "prompt")]
    [InlineData("---\nid: x\ntitle: y\norder: 1\nkind: reflection\nprompt: Why?\ndue_offset_days: -1\n---\n", 7, "Missing", "due_offset_days")]
    public void Parse_BrokenFile_NamesLineAndProblem(string text, int line, string code, string? detail)
    {
        var (content, issue) = ContentFile.Parse("en/m1/bad.md", text, isModule: false);

        Assert.Null(content);
        Assert.Equal("en/m1/bad.md", issue!.File);
        Assert.Equal(line, issue.Line);
        Assert.Equal(code, issue.Code);
        if (detail is not null)
        {
            Assert.Equal(detail, issue.Detail);
        }
    }
}

public class MarkdownRendererTests
{
    private readonly MarkdownRenderer renderer = new();

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("[x](JaVaScRiPt:alert(1))", "avascript:")]
    [InlineData("<img src=x onerror=alert(1)>", "<img")]
    [InlineData("<a href=\"#\" onclick=\"steal()\">x</a>", "<a href=\"#\" onclick")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:text/html")]
    public void Render_HostileInput_Harmless(string markdown, string forbidden)
    {
        var html = renderer.Render(markdown).Html;

        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_RawHtml_IsShownAsText()
    {
        Assert.Contains("&lt;script&gt;", renderer.Render("<script>alert(1)</script>").Html);
    }

    [Fact]
    public void Render_TablesLinksAndHeadingAnchors()
    {
        var html = renderer.Render("## What matters\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[site](https://example.org)").Html;

        Assert.Contains("<h2 id=\"md-what-matters\">", html);
        Assert.Contains("<table>", html);
        Assert.Contains("href=\"https://example.org\"", html);
    }

    [Fact]
    public void Render_ThreeSections_GetsTableOfContents()
    {
        var result = renderer.Render("## One\n\nx\n\n## Two\n\ny\n\n## Three\n\nz");

        Assert.NotNull(result.TocHtml);
        Assert.Contains("href=\"#md-two\"", result.TocHtml);
        Assert.Contains(">Three</a>", result.TocHtml);
    }

    [Fact]
    public void Render_TwoSections_NoTableOfContents()
    {
        Assert.Null(renderer.Render("## One\n\nx\n\n## Two\n\ny").TocHtml);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(900, 6)]
    public void ReadingMinutes_WordsPer160(int words, int minutes)
    {
        Assert.Equal(minutes, MarkdownRenderer.ReadingMinutes(words));
    }
}

public class CurriculumSnapshotTests
{
    private static CurriculumSnapshot Snapshot() => new(
        1,
        [],
        new Dictionary<(string, string), ModuleTextView> { [("m1", "en")] = new("en", "Role", "", "") },
        new Dictionary<(string, string), LessonText>
        {
            [("m1/l1", "en")] = new(1, 1, "en", "English title", 5, null, "<p>en</p>", null),
            [("m1/l1", "sv")] = new(2, 1, "sv", "Svensk titel", 5, null, "<p>sv</p>", null),
            [("m1/l2", "sv")] = new(3, 1, "sv", "Bara svenska", 5, null, "<p>sv</p>", null),
        },
        "en");

    [Fact]
    public void LessonText_InReadersLanguage_NotFallback()
    {
        var text = Snapshot().LessonText("m1/l1", "sv");

        Assert.Equal("Svensk titel", text!.Value.Title);
        Assert.False(text.IsFallback);
    }

    [Fact]
    public void LessonText_MissingTranslation_DefaultLanguageMarkedFallback()
    {
        var text = Snapshot().LessonText("m1/l1", "fi");

        Assert.Equal("English title", text!.Value.Title);
        Assert.True(text.IsFallback);
    }

    [Fact]
    public void LessonText_NeitherLanguage_Null()
    {
        Assert.Null(Snapshot().LessonText("m1/l2", "da"));
        Assert.Null(Snapshot().LessonText("m9/l9", "en"));
    }

    [Fact]
    public void ModuleText_Fallback()
    {
        Assert.True(Snapshot().ModuleText("m1", "da")!.IsFallback);
    }
}

public class LineDiffTests
{
    [Fact]
    public void Compare_MarksAddedRemovedAndSame()
    {
        var diff = LineDiff.Compare("a\nb\nc", "a\nc\nd");

        Assert.Equal(
            [(DiffOp.Same, "a"), (DiffOp.Removed, "b"), (DiffOp.Same, "c"), (DiffOp.Added, "d")],
            diff.Select(l => (l.Op, l.Text)));
    }

    [Fact]
    public void Compare_Identical_AllSame()
    {
        Assert.All(LineDiff.Compare("x\ny", "x\ny"), l => Assert.Equal(DiffOp.Same, l.Op));
    }

    [Fact]
    public void GenerationWatch_FreshUntilMaxAge_ThenOverviewsAskAgain()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var watch = new GenerationWatch(clock);
        Assert.False(watch.TryGetFresh(out _)); // nothing seen yet: ask the database

        watch.Saw(7);
        clock.Advance(GenerationWatch.MaxAge - TimeSpan.FromMilliseconds(1));
        Assert.True(watch.TryGetFresh(out var seen));
        Assert.Equal(7, seen);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(watch.TryGetFresh(out _)); // the refresher has not reported for MaxAge

        watch.Saw(8);
        Assert.True(watch.TryGetFresh(out seen));
        Assert.Equal(8, seen);
    }

    [Fact]
    public void GenerationWatch_PublishedOnThisNode_SeenAtOnce_AndAnOlderPollDoesNotTakeItBack()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var watch = new GenerationWatch(clock);
        watch.Saw(7);

        watch.Published(null); // nothing was published: nothing changes
        Assert.True(watch.TryGetFresh(out var seen));
        Assert.Equal(7, seen);

        watch.Published(8);
        Assert.True(watch.TryGetFresh(out seen));
        Assert.Equal(8, seen);

        // The refresher read the row just before the publish committed: readers keep the new generation.
        clock.Advance(TimeSpan.FromMilliseconds(300));
        watch.Saw(7);
        Assert.True(watch.TryGetFresh(out seen));
        Assert.Equal(8, seen);

        // Long after the publish the database's word counts again (a restored database goes back).
        clock.Advance(GenerationWatch.MaxAge);
        watch.Saw(6);
        Assert.True(watch.TryGetFresh(out seen));
        Assert.Equal(6, seen);
    }

    [Fact]
    public void GenerationWatch_PublishedBeforeAnyPoll_IsFresh()
    {
        var watch = new GenerationWatch(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        watch.Published(3);
        Assert.True(watch.TryGetFresh(out var seen));
        Assert.Equal(3, seen);
    }
}
