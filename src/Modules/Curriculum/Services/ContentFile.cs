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

/// <summary>
/// A problem in a content file, with the line it is on (1-based). <paramref name="Code"/> names the
/// message (CurriculumText "Import.{Code}", shown in the reader's language); <paramref name="Detail"/>
/// fills it in (a key name, a parser's own words).
/// </summary>
public sealed record ContentIssue(string File, int Line, string Code, string? Detail = null)
{
    public override string ToString() => $"{File}:{Line}: {Code} {Detail}".TrimEnd();
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
            return new(file, LineOf("id"), "Missing", "id");
        }

        if (string.IsNullOrWhiteSpace(meta.Title))
        {
            return new(file, LineOf("title"), "Missing", "title");
        }

        if (meta.Order is null)
        {
            return new(file, LineOf("order"), "Missing", "order");
        }

        if (isModule)
        {
            return meta.Tracks is { Count: > 0 } ? null : new(file, LineOf("tracks"), "Tracks");
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
}
