namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>
/// A group's meeting calendar: the first meeting weekday on or after the start date, then every N weeks
/// up to and including the end date, at the same local time (the UTC instant moves with daylight saving).
/// </summary>
public static class SessionCalendar
{
    public static IReadOnlyList<PlannedMeeting> Generate(DateOnly start, DateOnly end, int everyWeeks, DayOfWeek weekday, TimeOnly time, int durationMinutes, string timeZone)
    {
        if (everyWeeks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(everyWeeks), "The rhythm must be at least one week.");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var meetings = new List<PlannedMeeting>();
        for (var date = start.AddDays(((int)weekday - (int)start.DayOfWeek + 7) % 7); date <= end; date = date.AddDays(7 * everyWeeks))
        {
            var local = LocalToUtc(date.ToDateTime(time), zone, out var utc);
            meetings.Add(new PlannedMeeting(date, local, utc, utc.AddMinutes(durationMinutes)));
        }

        return meetings;
    }

    /// <summary>A local time as UTC; a time inside the spring-forward gap moves to the first valid minute after it.</summary>
    public static DateTime LocalToUtc(DateTime local, TimeZoneInfo zone, out DateTime utc)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        utc = TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return local;
    }

    /// <summary>A session may be moved to, or added at, a moment that has not passed.</summary>
    public static bool CanPlanAt(DateTime startsUtc, DateTime nowUtc) => startsUtc > nowUtc;

    /// <summary>A session that has not been held can be moved or cancelled; once held it is history.</summary>
    public static bool CanChange(Data.SessionStatus status, DateTime startsUtc, DateTime nowUtc) =>
        status == Data.SessionStatus.Planned && startsUtc > nowUtc;
}
