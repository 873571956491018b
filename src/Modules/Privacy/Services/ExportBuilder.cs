using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Privacy.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// Writes a person's data as a ZIP: <c>{Module}.json</c> from every provider (machine-readable) and
/// <c>summary.html</c>, readable, in the person's language.
/// </summary>
public sealed class ExportBuilder(DbContext db, IEnumerable<IPrivacyProvider> providers, TimeProvider clock, IStringLocalizer<PrivacyText> S)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<byte[]?> BuildAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var person = await db.Set<AppUser>().AsNoTracking().Where(u => u.Id == personId).Select(u => new { u.DisplayName, u.Language }).FirstOrDefaultAsync(cancellationToken);
        if (person is null)
        {
            return null;
        }

        using var culture = new CultureScope(string.IsNullOrWhiteSpace(person.Language) ? "en" : person.Language);
        var parts = new List<PrivacyExportPart>();
        foreach (var provider in providers)
        {
            parts.Add(await provider.ExportAsync(personId, cancellationToken));
        }

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts)
            {
                await using var stream = zip.CreateEntry(part.Module + ".json", CompressionLevel.Optimal).Open();
                await JsonSerializer.SerializeAsync(stream, part.Data, Json, cancellationToken);
            }

            await using var html = zip.CreateEntry("summary.html", CompressionLevel.Optimal).Open();
            var bytes = Encoding.UTF8.GetBytes(Summary(person.DisplayName, person.Language, parts));
            await html.WriteAsync(bytes, cancellationToken);
        }

        return buffer.ToArray();
    }

    private string Summary(string name, string language, IReadOnlyList<PrivacyExportPart> parts)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"").Append(E(language)).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(E(S["SummaryTitle", name])).Append("</title>\n<style>body{font-family:sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5}th{text-align:left;padding-right:1rem;vertical-align:top}</style></head>\n<body>\n<h1>")
            .Append(E(S["SummaryTitle", name])).Append("</h1>\n<p>")
            .Append(E(S["SummaryIntro", clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture)])).Append("</p>\n");
        foreach (var part in parts)
        {
            html.Append("<h2>").Append(E(S["Module." + part.Module])).Append("</h2>\n<p>").Append(E(S["SummaryFile", part.Module + ".json"])).Append("</p>\n<table>\n");
            foreach (var line in part.Summary)
            {
                html.Append("<tr><th scope=\"row\">").Append(E(line.Heading)).Append("</th><td>").Append(E(line.Text)).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }
}
