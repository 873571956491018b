using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed record RenderedMarkdown(string Html, string? TocHtml, int Words);

/// <summary>
/// Markdown to safe HTML: tables, heading anchors, raw HTML disabled, and the output sanitized again
/// (links only http, https, mailto; no script, no event attributes). Done once per saved version.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Lessons with at least this many sections get a table of contents.</summary>
    public const int TocMinimumSections = 3;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseEmphasisExtras()
        .UseListExtras()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer sanitizer;

    public MarkdownRenderer()
    {
        sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowDataAttributes = false;
    }

    public RenderedMarkdown Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        var html = sanitizer.Sanitize(writer.ToString());

        var sections = document.Descendants<HeadingBlock>().Where(h => h.Level == 2).ToList();
        string? toc = null;
        if (sections.Count >= TocMinimumSections)
        {
            var builder = new StringBuilder("<ol>");
            foreach (var heading in sections)
            {
                var id = heading.GetAttributes().Id;
                var text = heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()));
                builder.Append("<li><a href=\"#").Append(WebUtility.HtmlEncode(id)).Append("\">").Append(WebUtility.HtmlEncode(text)).Append("</a></li>");
            }

            toc = builder.Append("</ol>").ToString();
        }

        return new RenderedMarkdown(html, toc, CountWords(markdown));
    }

    public static int CountWords(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Ceiling(words / 160.0));
}
