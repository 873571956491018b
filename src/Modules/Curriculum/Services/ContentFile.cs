using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>Splits a Markdown file into front matter and body and checks the front matter.</summary>
public static class ContentFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static readonly IReadOnlyList<string> Kinds = ["lesson", "reflection", "practical"];

    public static readonly IReadOnlyList<string> KitKinds = ["guide", "worksheet", "glossary", "competency-map", "reading", "completion"];

    public static readonly IReadOnlyList<string> Audiences = ["trainee", "trainer", "leader", "supervisor"];

    public static readonly IReadOnlyList<string> Tracks = ["trainee", "leader"];

    /// <summary>A rubric has exactly this many levels per criterion.</summary>
    public const int RubricLevels = 3;

    /// <summary>Parses <paramref name="text"/>; <paramref name="isModule"/> for module.md, which has no kind.</summary>
    public static (ParsedContent? Content, ContentIssue? Issue) Parse(string file, string text, bool isModule) =>
        Parse(file, text, isModule ? ContentRole.Module : ContentRole.Item);

    public static (ParsedContent? Content, ContentIssue? Issue) Parse(string file, string text, ContentRole role)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return (null, new(file, 1, "NoFrontMatter"));
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0) + 1;
            return (null, new(file, Math.Max(1, last), "Unclosed"));
        }

        FrontMatter? meta;
        try
        {
            meta = Yaml.Deserialize<FrontMatter>(string.Join('\n', lines[1..end]));
        }
        catch (YamlException e)
        {
            // YAML lines count from the line after the opening '---'.
            var line = (int)Math.Max(1, e.Start.Line) + 1;
            return (null, new(file, line, "InvalidYaml", e.InnerException?.Message ?? e.Message));
        }

        if (meta is null)
        {
            return (null, new(file, 2, "Empty"));
        }

        var body = string.Join('\n', lines[(end + 1)..]).Trim('\n');
        var issue = Check(file, meta, role, lines[1..end], body);
        if (issue is not null)
        {
            return (null, issue);
        }

        return (new ParsedContent(meta, body), null);
    }

    private static ContentIssue? Check(string file, FrontMatter meta, ContentRole role, string[] yaml, string body)
    {
        int LineOf(string key)
        {
            var index = Array.FindIndex(yaml, l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return index < 0 ? 2 : index + 2;
        }

        if (string.IsNullOrWhiteSpace(meta.Id))
        {
            return new(file, LineOf("id"), "Missing", "id");
        }

        if (string.IsNullOrWhiteSpace(meta.Title))
        {
            return new(file, LineOf("title"), "Missing", "title");
        }

        if (meta.Order is null && role is not (ContentRole.Objectives or ContentRole.Rubric))
        {
            return new(file, LineOf("order"), "Missing", "order");
        }

        switch (role)
        {
            case ContentRole.Module:
                return meta.Tracks is { Count: > 0 } ? null : new(file, LineOf("tracks"), "Tracks");
            case ContentRole.Objectives:
                return meta.Kind != "objectives" ? new(file, LineOf("kind"), "WrongKind", "objectives")
                    : !HasList(body) ? new(file, yaml.Length + 2, "Objectives")
                    : null;
            case ContentRole.Rubric:
                return CheckRubric(file, meta, LineOf, body);
            case ContentRole.Kit:
                return CheckKit(file, meta, LineOf);
        }

        if (meta.Kind is null || !Kinds.Contains(meta.Kind))
        {
            return new(file, LineOf("kind"), "Kind");
        }

        if (meta.Kind == "lesson" && meta.ReadingTime is null or <= 0)
        {
            return new(file, LineOf("reading_time"), "Missing", "reading_time");
        }

        if (meta.Kind != "lesson")
        {
            if (string.IsNullOrWhiteSpace(meta.Prompt))
            {
                return new(file, LineOf("prompt"), "Missing", "prompt");
            }

            if (meta.DueOffsetDays is null or < 0)
            {
                return new(file, LineOf("due_offset_days"), "Missing", "due_offset_days");
            }
        }

        return null;
    }

    private static ContentIssue? CheckRubric(string file, FrontMatter meta, Func<string, int> lineOf, string body)
    {
        if (meta.Kind != "rubric")
        {
            return new(file, lineOf("kind"), "WrongKind", "rubric");
        }

        if (meta.For is not ("reflection" or "practical") || Path.GetFileNameWithoutExtension(file) != "rubric-" + meta.For)
        {
            return new(file, lineOf("for"), "RubricFor", meta.For);
        }

        if (meta.Criteria is not { Count: >= 2 and <= 8 })
        {
            return new(file, lineOf("criteria"), "RubricShape", "criteria: 2-8");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < meta.Criteria.Count; i++)
        {
            var c = meta.Criteria[i];
            var where = $"criteria[{i + 1}]";
            if (c.Id is null || !IsSlug(c.Id) || !ids.Add(c.Id))
            {
                return new(file, lineOf("criteria"), "RubricShape", where + ".id");
            }

            if (string.IsNullOrWhiteSpace(c.Name))
            {
                return new(file, lineOf("criteria"), "RubricShape", where + ".name");
            }

            if (c.Levels is not { Count: RubricLevels } || c.Levels.Any(string.IsNullOrWhiteSpace))
            {
                return new(file, lineOf("criteria"), "RubricShape", where + ".levels: " + RubricLevels);
            }
        }

        return string.IsNullOrWhiteSpace(body) ? new(file, 1, "RubricShape", "feedback guidance") : null;
    }

    private static ContentIssue? CheckKit(string file, FrontMatter meta, Func<string, int> lineOf)
    {
        if (meta.Kind is null || !KitKinds.Contains(meta.Kind))
        {
            return new(file, lineOf("kind"), "KitKind", meta.Kind);
        }

        // Facilitator guides are for the people who run sessions, never for trainees.
        if (meta.Audience is not { Count: > 0 } || meta.Audience.Any(a => !Audiences.Contains(a)) || (meta.Kind == "guide" && meta.Audience.Contains("trainee")))
        {
            return new(file, lineOf("audience"), "Audience");
        }

        if (meta.Kind == "completion" && (meta.Track is null || !Tracks.Contains(meta.Track)))
        {
            return new(file, lineOf("track"), "Missing", "track");
        }

        if (meta.Kind == "glossary")
        {
            if (meta.Terms is not { Count: > 0 })
            {
                return new(file, lineOf("terms"), "GlossaryShape", "terms");
            }

            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < meta.Terms.Count; i++)
            {
                var t = meta.Terms[i];
                if (t.Id is null || !IsSlug(t.Id) || !ids.Add(t.Id) || string.IsNullOrWhiteSpace(t.Term) || string.IsNullOrWhiteSpace(t.Definition))
                {
                    return new(file, lineOf("terms"), "GlossaryShape", $"terms[{i + 1}]");
                }
            }
        }

        return null;
    }

    /// <summary>Lower-case letters, digits and hyphens: ids that become anchors and keys.</summary>
    public static bool IsSlug(string id) => id.Length is > 0 and <= 64 && id.All(ch => ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static bool HasList(string body) =>
        body.Split('\n').Any(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal) || (l.Length > 2 && char.IsDigit(l.TrimStart()[0]) && l.TrimStart().Contains(". ", StringComparison.Ordinal)));
}
