using System.Security.Cryptography;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>A person's private iCal feed of their release and due dates, behind a secret token they can renew.</summary>
public sealed class CalendarFeedService(AppDbContext db, NoticeWriter writer, ProgrammeTime time)
{
    public async Task<string> TokenAsync(Guid personId, bool renew, CancellationToken ct = default)
    {
        var feed = await db.Set<CalendarFeed>().FirstOrDefaultAsync(f => f.UserId == personId, ct);
        if (feed is not null && !renew)
        {
            return feed.Token;
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        if (feed is null)
        {
            db.Set<CalendarFeed>().Add(new CalendarFeed { UserId = personId, Token = token, CreatedUtc = time.UtcNow });
        }
        else
        {
            feed.Token = token;
            feed.CreatedUtc = time.UtcNow;
        }

        db.AddAudit(time.UtcNow, personId, renew ? "reflections.calendar-renewed" : "reflections.calendar-created", personId.ToString());
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>The feed for a token, or null for an unknown (or renewed-away) token.</summary>
    public async Task<string?> FeedAsync(string token, string siteUrl, CancellationToken ct = default)
    {
        if (token.Length is < 16 or > 64)
        {
            return null;
        }

        var feed = await db.Set<CalendarFeed>().AsNoTracking().FirstOrDefaultAsync(f => f.Token == token, ct);
        if (feed is null)
        {
            return null;
        }

        var language = NoticeWriter.Language(await db.Users.Where(u => u.Id == feed.UserId).Select(u => u.Language).FirstOrDefaultAsync(ct));
        var rows = await (from w in db.Set<AssignmentWork>()
                          join s in db.Set<ScheduledAssignment>() on w.ScheduledId equals s.Id
                          where w.UserId == feed.UserId && w.Active
                          select new { w.Id, w.LessonKey, s.ReleaseUtc, w.DueUtc }).AsNoTracking().ToListAsync(ct);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Change Agent Academy//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Change Agent Academy");
        foreach (var row in rows)
        {
            var title = await writer.TitleAsync(row.LessonKey, language, ct);
            var url = new Uri(siteUrl.TrimEnd('/') + $"/reflections/{row.Id}");
            calendar.Events.Add(Event($"release-{row.Id}@change-agent-academy", writer.Write("", feed.UserId, language, "CalendarRelease", null, title).Subject, row.ReleaseUtc, TimeSpan.FromMinutes(30), url));
            calendar.Events.Add(Event($"due-{row.Id}@change-agent-academy", writer.Write("", feed.UserId, language, "CalendarDue", null, title).Subject, row.DueUtc, TimeSpan.FromMinutes(30), url));
        }

        return new CalendarSerializer().SerializeToString(calendar);
    }

    private static CalendarEvent Event(string uid, string summary, DateTime startUtc, TimeSpan length, Uri url) => new()
    {
        Uid = uid,
        Summary = summary,
        DtStart = new CalDateTime(DateTime.SpecifyKind(startUtc, DateTimeKind.Utc)),
        DtEnd = new CalDateTime(DateTime.SpecifyKind(startUtc + length, DateTimeKind.Utc)),
        Url = url,
    };
}
