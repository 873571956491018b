using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>The YAML front matter of a content file (see content/README.md).</summary>
public sealed class FrontMatter
{
    public string? Id { get; set; }

    public string? Title { get; set; }

    public int? Order { get; set; }

    public string? Kind { get; set; }

    public int? ReadingTime { get; set; }

    public List<string>? Tracks { get; set; }

    public string? Summary { get; set; }

    public string? Prompt { get; set; }

    public int? DueOffsetDays { get; set; }

    public string? PracticalType { get; set; }
}

/// <summary>A problem in a content file, with the line it is on (1-based).</summary>
public sealed record ContentIssue(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

public sealed record ParsedContent(FrontMatter Meta, string Body);

/// <summary>Splits a Markdown file into front matter and body and checks the front matter.</summary>
public static class ContentFile
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static readonly IReadOnlyList<string> Kinds = ["lesson", "reflection", "practical"];

    /// <summary>Parses <paramref name="text"/>; <paramref name="isModule"/> for module.md, which has no kind.</summary>
    public static (ParsedContent? Content, ContentIssue? Issue) Parse(string file, string text, bool isModule)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return (null, new(file, 1, "The file must start with a front matter block between two '---' lines."));
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            var last = Array.FindLastIndex(lines, l => l.Trim().Length > 0) + 1;
            return (null, new(file, Math.Max(1, last), "The front matter has no closing '---' line."));
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
            return (null, new(file, line, "Invalid front matter: " + (e.InnerException?.Message ?? e.Message)));
        }

        if (meta is null)
        {
            return (null, new(file, 2, "The front matter is empty."));
        }

        var issue = Check(file, meta, isModule, lines[1..end]);
        if (issue is not null)
        {
            return (null, issue);
        }

        var body = string.Join('\n', lines[(end + 1)..]).Trim('\n');
        return (new ParsedContent(meta, body), null);
    }

    private static ContentIssue? Check(string file, FrontMatter meta, bool isModule, string[] yaml)
    {
        int LineOf(string key)
        {
            var index = Array.FindIndex(yaml, l => l.StartsWith(key + ":", StringComparison.Ordinal));
            return index < 0 ? 2 : index + 2;
        }

        if (string.IsNullOrWhiteSpace(meta.Id))
        {
            return new(file, LineOf("id"), "'id' is missing.");
        }

        if (string.IsNullOrWhiteSpace(meta.Title))
        {
            return new(file, LineOf("title"), "'title' is missing.");
        }

        if (meta.Order is null)
        {
            return new(file, LineOf("order"), "'order' is missing or not a whole number.");
        }

        if (isModule)
        {
            return meta.Tracks is { Count: > 0 } ? null : new(file, LineOf("tracks"), "'tracks' must list at least one of: trainee, leader.");
        }

        if (meta.Kind is null || !Kinds.Contains(meta.Kind))
        {
            return new(file, LineOf("kind"), "'kind' must be one of: lesson, reflection, practical.");
        }

        if (meta.Kind == "lesson" && meta.ReadingTime is null or <= 0)
        {
            return new(file, LineOf("reading_time"), "'reading_time' (minutes) is missing for a lesson.");
        }

        if (meta.Kind != "lesson")
        {
            if (string.IsNullOrWhiteSpace(meta.Prompt))
            {
                return new(file, LineOf("prompt"), "'prompt' is missing for an assignment.");
            }

            if (meta.DueOffsetDays is null or < 0)
            {
                return new(file, LineOf("due_offset_days"), "'due_offset_days' is missing or negative.");
            }
        }

        return null;
    }
}
