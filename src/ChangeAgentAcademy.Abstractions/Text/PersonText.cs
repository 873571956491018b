using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ChangeAgentAcademy.Text;

/// <summary>
/// Plain text a person wrote (a reflection, a log, a note), shown as they wrote it: a blank line starts a
/// new paragraph, a single line break stays a line break. Every piece is HTML-encoded; the only markup
/// added is &lt;p&gt; and &lt;br&gt;. Views call <c>@PersonText.Paragraphs(text)</c>, never Html.Raw.
/// </summary>
public static class PersonText
{
    public static IHtmlContent Paragraphs(string? text)
    {
        var builder = new HtmlContentBuilder();
        foreach (var (start, length) in Ranges(text))
        {
            builder.AppendHtml("<p>");
            AppendLines(builder, text!.Substring(start, length));
            builder.AppendHtml("</p>");
        }

        return builder;
    }

    /// <summary>A piece of a paragraph (e.g. between highlights) encoded, each line break as &lt;br&gt;.</summary>
    public static IHtmlContent Lines(string text)
    {
        var builder = new HtmlContentBuilder();
        AppendLines(builder, text);
        return builder;
    }

    private static void AppendLines(HtmlContentBuilder builder, string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                builder.AppendHtml("<br>");
            }

            builder.Append(lines[i].TrimEnd('\r'));
        }
    }

    /// <summary>
    /// Where each paragraph lies in <paramref name="text"/> (offsets into the text as given, \r\n or \n):
    /// paragraphs are separated by lines that are blank or only spaces; a range holds no leading or trailing blank line.
    /// </summary>
    public static IReadOnlyList<(int Start, int Length)> Ranges(string? text)
    {
        var list = new List<(int, int)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return list;
        }

        int? start = null;
        var end = 0;
        var at = 0;
        while (at <= text.Length)
        {
            var next = text.IndexOf('\n', at);
            var lineEnd = next < 0 ? text.Length : next;
            var line = text.AsSpan(at, lineEnd - at);
            if (line.Trim().Length == 0)
            {
                if (start is { } s)
                {
                    list.Add((s, end - s));
                    start = null;
                }
            }
            else
            {
                start ??= at;
                end = line.EndsWith("\r") ? lineEnd - 1 : lineEnd;
            }

            if (next < 0)
            {
                break;
            }

            at = next + 1;
        }

        if (start is { } last)
        {
            list.Add((last, end - last));
        }

        return list;
    }

    /// <summary>The encoded HTML as a string (for tests and for places that build markup in code).</summary>
    public static string ToHtml(string? text)
    {
        using var writer = new StringWriter();
        Paragraphs(text).WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
