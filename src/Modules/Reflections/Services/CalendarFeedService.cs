using System.Security.Cryptography;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

public sealed class CalendarFeedService(DbContext db, NoticeWriter writer, ProgrammeTime time, IEnumerable<ChangeAgentAcademy.Modules.IPersonEvents> events)
{
    /// <summary>
    /// Makes the person's feed if they have none (or a new token when <paramref name="renew"/>) and
    /// returns the token, which is stored only as a hash; null when the feed already exists and is kept.
    /// </summary>
    public async Task<string?> TokenAsync(Guid personId, bool renew, CancellationToken ct = default)
    {
        var feed = await db.Set<CalendarFeed>().FirstOrDefaultAsync(f => f.UserId == personId, ct);
        if (feed is not null && !renew)
        {
            return null;
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        if (feed is null)
        {
            db.Set<CalendarFeed>().Add(new CalendarFeed { UserId = personId, TokenHash = Hash(token), CreatedUtc = time.UtcNow });
        }
        else
        {
            feed.TokenHash = Hash(token);
            feed.CreatedUtc = time.UtcNow;
        }

        db.AddAudit(time.UtcNow, personId, renew ? "reflections.calendar-renewed" : "reflections.calendar-created", personId.ToString());
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The stored form of a token: 192 random bits need no salt or slow hash, and the lookup stays one indexed read.</summary>
    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))).ToLowerInvariant();

    /// <summary>True for text shaped like a token (48 lower-case hex digits); anything else is refused before the database.</summary>
    public static bool IsWellFormed(string? token) => token is { Length: 48 } && token.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    /// <summary>The feed for a token, or null for a malformed, unknown (or renewed-away) token.</summary>
    public async Task<string?> FeedAsync(string? token, string siteUrl, CancellationToken ct = default)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var hash = Hash(token!);
        var feed = await db.Set<CalendarFeed>().AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash, ct);
        if (feed is null)
        {
            return null;
        }

        var calendar = new Ical.Net.Calendar { ProductId = "-//Change Agent Academy//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Change Agent Academy");
        foreach (var entry in await EntriesAsync(feed.UserId, time.UtcNow.AddDays(-60), time.UtcNow.AddYears(1), ct))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = entry.Uid,
                Summary = entry.Title,
                Location = entry.Place,
                DtStart = new CalDateTime(DateTime.SpecifyKind(entry.StartsUtc, DateTimeKind.Utc)),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(entry.EndsUtc, DateTimeKind.Utc)),
                Url = new Uri(siteUrl.TrimEnd('/') + entry.Url),
            });
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    /// <summary>The person's release and due dates, and every module's events for them (supervision, workshops), in time order.</summary>
    public async Task<IReadOnlyList<CalendarEntry>> EntriesAsync(Guid personId, DateTime fromUtc, DateTime toUtc, CancellationToken ct = default)
    {
        var language = NoticeWriter.Language(await db.Set<AppUser>().Where(u => u.Id == personId).Select(u => u.Language).FirstOrDefaultAsync(ct));
        var rows = await (from w in db.Set<AssignmentWork>()
                          join s in db.Set<ScheduledAssignment>() on w.ScheduledId equals s.Id
                          where w.UserId == personId && w.Active
                          select new { w.Id, w.LessonKey, s.ReleaseUtc, w.DueUtc }).AsNoTracking().ToListAsync(ct);
        var entries = new List<CalendarEntry>();
        foreach (var row in rows)
        {
            var title = await writer.TitleAsync(row.LessonKey, language, ct);
            entries.Add(new($"release-{row.Id}@change-agent-academy", writer.Write("", personId, language, "CalendarRelease", null, title).Subject, row.ReleaseUtc, row.ReleaseUtc.AddMinutes(30), null, $"/reflections/{row.Id}"));
            entries.Add(new($"due-{row.Id}@change-agent-academy", writer.Write("", personId, language, "CalendarDue", null, title).Subject, row.DueUtc, row.DueUtc.AddMinutes(30), null, $"/reflections/{row.Id}"));
        }

        foreach (var source in events)
        {
            entries.AddRange((await source.ForPersonAsync(personId, fromUtc, toUtc, ct))
                .Select(e => new CalendarEntry(e.Ref.Replace(':', '-') + "@change-agent-academy", e.Title, e.StartsUtc, e.EndsUtc, e.Place, e.Url)));
        }

        return entries.Where(e => e.EndsUtc >= fromUtc && e.StartsUtc <= toUtc).OrderBy(e => e.StartsUtc).ToList();
    }
}
