using System.Globalization;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Writes notices in each recipient's language, with assignment titles and dates in that language.</summary>
public sealed class NoticeWriter(IStringLocalizer<ReflectionsText> S, IProgrammeOutline outline, IOptions<ProgrammeOptions> programme)
{
    private readonly Dictionary<(string, string), string> titles = [];
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(programme.Value.TimeZone);

    public static string Language(string? language) => ProgrammeOptions.IsSupported(language) ? language! : "en";

    public async Task<string> TitleAsync(string lessonKey, string language, CancellationToken cancellationToken = default)
    {
        if (!titles.TryGetValue((lessonKey, language), out var title))
        {
            title = (await outline.AssignmentTextAsync(lessonKey, language, cancellationToken))?.Title ?? lessonKey;
            titles[(lessonKey, language)] = title;
        }

        return title;
    }

    /// <summary>Subject and body from "Notice.{kind}.Subject" / ".Body", rendered in <paramref name="language"/>.</summary>
    public Notice Write(string key, Guid person, string language, string kind, string? url, params object[] args)
    {
        using (new CultureScope(Language(language)))
        {
            var formatted = args.Select(a => a is DateTime d ? FormatDate(d) : a).ToArray();
            return new Notice(key, person, S[$"Notice.{kind}.Subject", formatted].Value, S[$"Notice.{kind}.Body", formatted].Value, url);
        }
    }

    private string FormatDate(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
