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

public sealed record RenderedMarkdown(string Html, string? TocHtml, int Words);
