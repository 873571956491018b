using System.Net;
using System.Text;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Markdown to safe HTML: tables, heading anchors, raw HTML disabled, and the output sanitized again
/// (links only http, https, mailto; no script, no event attributes). Done once per saved version.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>Lessons with at least this many sections get a table of contents.</summary>
    public const int TocMinimumSections = 3;

    // Built on first use, not when the renderer is made: the import steps that hold a renderer are resolved at every
    // start, and an unchanged content folder is not rendered at all. Making the sanitizer and the two pipelines was
    // ~0.19 s of the site's cold start (issue #18, bench/README.md).
    private readonly Lazy<HtmlSanitizer> sanitizer = new(CreateSanitizer);

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }

        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }

    /// <summary>A class of its own so that the pipelines are built when a text is first rendered (its static fields
    /// are initialised on first access), not when the renderer is made.</summary>
    private static class Pipelines
    {
        public static readonly MarkdownPipeline Lesson = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseEmphasisExtras()
            .UseListExtras()
            .DisableHtml()
            .Build();

        /// <summary>The same for text a person writes (feedback, notes): a single line break stays a line break, as they typed it.</summary>
        public static readonly MarkdownPipeline Person = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseEmphasisExtras()
            .UseListExtras()
            .UseSoftlineBreakAsHardlineBreak()
            .DisableHtml()
            .Build();
    }

    /// <summary>Ids Markdig makes for headings get this prefix, so text written by a person cannot take a page element's id.</summary>
    public const string IdPrefix = "md-";

    public RenderedMarkdown Render(string markdown) => Render(markdown, Pipelines.Lesson);

    /// <summary>Text a person wrote: as <see cref="Render(string)"/>, with each line break kept.</summary>
    public RenderedMarkdown RenderPersonText(string markdown) => Render(markdown, Pipelines.Person);

    private RenderedMarkdown Render(string markdown, MarkdownPipeline pipeline)
    {
        var document = Markdown.Parse(markdown, pipeline);
        KeepToItsOwnRoom(document);
        var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        renderer.Render(document);
        var html = sanitizer.Value.Sanitize(writer.ToString());

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

    /// <summary>
    /// Heading ids (and links to them) are prefixed, so "## reflection-form" cannot clobber the editor's form;
    /// an image from anywhere but this site becomes a plain link, so no one's text loads a tracking pixel.
    /// </summary>
    private static void KeepToItsOwnRoom(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var attributes = heading.GetAttributes();
            if (!string.IsNullOrEmpty(attributes.Id))
            {
                attributes.Id = IdPrefix + attributes.Id;
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.Url is { } url && url.StartsWith('#') && url.Length > 1)
            {
                link.Url = "#" + IdPrefix + url[1..];
            }

            if (link.IsImage && !IsSiteRelative(link.Url))
            {
                link.IsImage = false;
                if (link.FirstChild is null)
                {
                    link.AppendChild(new LiteralInline(link.Url ?? ""));
                }
            }
        }
    }

    private static bool IsSiteRelative(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\';

    public static int CountWords(string text) =>
        text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));

    public static int ReadingMinutes(int words) => Math.Max(1, (int)Math.Ceiling(words / 160.0));
}
