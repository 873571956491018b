using System.Net;
using System.Text;
using System.Text.Json;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Time;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// The kit's part of the import: content/{lang}/kit/*.md, each module's objectives.md and its
/// rubric-{reflection,practical}.md, and the check that every file exists in every language folder.
/// Same rules as lessons: idempotent by file hash, a broken file is reported and skipped.
/// </summary>
public sealed partial class ContentImporter
{
    public const string KitFolder = "kit";

    public const string ObjectivesFile = "objectives.md";

    internal static readonly JsonSerializerOptions RubricJson = new(JsonSerializerDefaults.Web);

    private sealed record KitImport(
        Dictionary<string, KitDocument> Documents,
        Dictionary<(string, string), KitDocumentText> Texts,
        Dictionary<(string, string), AssignmentRubric> Rubrics);

    private static bool IsRubric(string fileName) => fileName.StartsWith("rubric-", StringComparison.Ordinal);

    private async Task<int> ImportKitAsync(string contentRoot, string kitDir, string language, KitImport kit, List<ContentIssue> issues, CancellationToken cancellationToken)
    {
        var created = 0;
        foreach (var file in Directory.GetFiles(kitDir, "*.md").OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = Relative(contentRoot, file);
            var raw = await File.ReadAllTextAsync(file, cancellationToken);
            var (parsed, issue) = ContentFile.Parse(relative, raw, ContentRole.Kit);
            if (parsed is null)
            {
                issues.Add(issue!);
                continue;
            }

            var id = Path.GetFileNameWithoutExtension(file);
            if (parsed.Meta.Id != id)
            {
                issues.Add(new(relative, 2, "IdMismatch", parsed.Meta.Id));
                continue;
            }

            if (!kit.Documents.TryGetValue(id, out var document))
            {
                document = new KitDocument { Id = id };
                db.Set<KitDocument>().Add(document);
                kit.Documents[id] = document;
            }

            document.Kind = parsed.Meta.Kind!;
            document.Audience = string.Join(',', parsed.Meta.Audience!.Distinct().Order(StringComparer.Ordinal));
            document.Track = parsed.Meta.Track;
            document.Order = parsed.Meta.Order!.Value;

            var hash = Hash(raw);
            if (!kit.Texts.TryGetValue((id, language), out var text))
            {
                text = new KitDocumentText { DocId = id, Language = language };
                db.Set<KitDocumentText>().Add(text);
                kit.Texts[(id, language)] = text;
            }

            if (text.Hash == hash)
            {
                continue;
            }

            var rendered = renderer.Render(parsed.Body);
            text.Title = parsed.Meta.Title!;
            text.Summary = parsed.Meta.Summary?.Trim() ?? "";
            text.Html = parsed.Meta.Terms is { } terms ? rendered.Html + GlossaryHtml(terms) : rendered.Html;
            text.TocHtml = rendered.TocHtml;
            text.Hash = hash;
            created++;
        }

        return created;
    }

    /// <summary>A definition list whose terms carry their ids, so lessons in every language link to the same anchor.</summary>
    private string GlossaryHtml(IEnumerable<GlossaryTerm> terms)
    {
        var html = new StringBuilder("<dl class=\"glossary\">");
        foreach (var term in terms.OrderBy(t => t.Term, StringComparer.CurrentCulture))
        {
            // Ids are checked to be lower-case slugs; the definition goes through the sanitizing renderer.
            html.Append("<dt id=\"").Append(term.Id).Append("\">").Append(WebUtility.HtmlEncode(term.Term!.Trim())).Append("</dt><dd>")
                .Append(renderer.Render(term.Definition!.Trim()).Html).Append("</dd>");
        }

        return html.Append("</dl>").ToString();
    }

    private async Task<int> ImportObjectivesAsync(string contentRoot, string file, ModuleText moduleText, List<ContentIssue> issues, CancellationToken cancellationToken)
    {
        var relative = Relative(contentRoot, file);
        var raw = await File.ReadAllTextAsync(file, cancellationToken);
        var hash = Hash(raw);
        if (moduleText.ObjectivesHash == hash)
        {
            return 0;
        }

        var (parsed, issue) = ContentFile.Parse(relative, raw, ContentRole.Objectives);
        if (parsed is null)
        {
            issues.Add(issue!);
            return 0;
        }

        if (parsed.Meta.Id != "objectives")
        {
            issues.Add(new(relative, 2, "IdMismatch", parsed.Meta.Id));
            return 0;
        }

        moduleText.ObjectivesHtml = renderer.Render(parsed.Body).Html;
        moduleText.ObjectivesHash = hash;
        return 1;
    }

    private async Task<int> ImportRubricAsync(string contentRoot, string file, string moduleId, string language, Dictionary<string, Lesson> lessons, KitImport kit, List<ContentIssue> issues, CancellationToken cancellationToken)
    {
        var relative = Relative(contentRoot, file);
        var raw = await File.ReadAllTextAsync(file, cancellationToken);
        var (parsed, issue) = ContentFile.Parse(relative, raw, ContentRole.Rubric);
        if (parsed is null)
        {
            issues.Add(issue!);
            return 0;
        }

        if (parsed.Meta.Id != Path.GetFileNameWithoutExtension(file))
        {
            issues.Add(new(relative, 2, "IdMismatch", parsed.Meta.Id));
            return 0;
        }

        var key = $"{moduleId}/{parsed.Meta.For}";
        if (!lessons.TryGetValue(key, out var lesson) || lesson.Kind == LessonKind.Lesson)
        {
            issues.Add(new(relative, 2, "RubricWithoutAssignment", key));
            return 0;
        }

        var hash = Hash(raw);
        if (!kit.Rubrics.TryGetValue((key, language), out var rubric))
        {
            rubric = new AssignmentRubric { LessonKey = key, Language = language };
            db.Set<AssignmentRubric>().Add(rubric);
            kit.Rubrics[(key, language)] = rubric;
        }

        if (rubric.Hash == hash)
        {
            // Rubrics imported before the guidance was editable kept only its HTML, which was always the file's:
            // the file's text is then the guidance as written.
            if (rubric.GuidanceMarkdown.Length == 0)
            {
                rubric.GuidanceMarkdown = parsed.Body.Trim();
            }

            return 0;
        }

        var criteria = parsed.Meta.Criteria!.Select(c => new RubricRow(c.Id!, c.Name!.Trim(), c.Levels!.Select(l => l.Trim()).ToList())).ToList();
        rubric.Title = parsed.Meta.Title!;
        rubric.CriteriaJson = JsonSerializer.Serialize(criteria, RubricJson);
        rubric.GuidanceMarkdown = parsed.Body.Trim();
        rubric.GuidanceHtml = renderer.Render(rubric.GuidanceMarkdown).Html;
        rubric.Hash = hash;
        return 1;
    }

    /// <summary>
    /// Every Markdown file in one language folder must exist in every other language folder of the same
    /// content root: a reader would otherwise get the default language without anyone having decided so.
    /// </summary>
    private static void CheckTranslations(string contentRoot, List<ContentIssue> issues)
    {
        var languages = Directory.GetDirectories(contentRoot).Select(Path.GetFileName).OfType<string>().Where(ProgrammeOptions.IsSupported).Order(StringComparer.Ordinal).ToList();
        if (languages.Count < 2)
        {
            return;
        }

        var files = languages.ToDictionary(
            l => l,
            l => Directory.GetFiles(Path.Combine(contentRoot, l), "*.md", SearchOption.AllDirectories).Select(f => Relative(Path.Combine(contentRoot, l), f)).ToHashSet(StringComparer.Ordinal));
        var all = files.Values.SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        foreach (var language in languages)
        {
            foreach (var missing in all.Except(files[language]).Order(StringComparer.Ordinal))
            {
                issues.Add(new($"{language}/{missing}", 0, "MissingLanguage", language));
            }
        }
    }
}
