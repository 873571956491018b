using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>Writes the module's notices in each recipient's language, with times in the programme's zone.</summary>
public sealed class SupervisionNotices(DbContext db, IStringLocalizer<SupervisionText> S, IOptions<ProgrammeOptions> programme)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(programme.Value.TimeZone);

    public string TimeZone => programme.Value.TimeZone;

    public static string Key(long sessionId, Guid userId) => $"supervision:present:{sessionId}:{userId}";

    /// <summary>"You present at the next supervision session": no case content, only the group, time and link.</summary>
    public async Task<Notice> PresentingAsync(SupervisionSession session, Guid person, CancellationToken ct = default)
    {
        var group = await db.Set<SupervisionGroup>().AsNoTracking().Where(g => g.Id == session.GroupId).Select(g => new { g.Name, g.Place }).FirstAsync(ct);
        var language = await db.Set<AppUser>().Where(u => u.Id == person).Select(u => u.Language).FirstOrDefaultAsync(ct);
        using (new CultureScope(ProgrammeOptions.IsSupported(language) ? language! : "en"))
        {
            var when = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(session.StartsUtc, DateTimeKind.Utc), zone).ToString("dddd d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
            return new Notice(Key(session.Id, person), person, S["Notice.Presenting.Subject", group.Name].Value, S["Notice.Presenting.Body", group.Name, when, group.Place ?? "-"].Value,
                $"/supervision/{session.GroupId}/sessions/{session.Id}");
        }
    }
}
