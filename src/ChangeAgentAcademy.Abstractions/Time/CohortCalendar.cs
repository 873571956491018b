namespace ChangeAgentAcademy.Time;

/// <summary>
/// The cohort's cadence as dates: module k opens on the k-th cadence date, the first being the first
/// cadence weekday on or after the start date, then every N weeks, at the release time in the cohort's
/// own time zone. Local time stays put across daylight-saving changes; the UTC instant moves.
/// </summary>
public static class CohortCalendar
{
    public static IReadOnlyList<ModuleRelease> Releases(DateOnly start, int everyWeeks, DayOfWeek weekday, TimeOnly time, string timeZone, int modules)
    {
        if (everyWeeks < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(everyWeeks), "The cadence must be at least one week.");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var first = start.AddDays(((int)weekday - (int)start.DayOfWeek + 7) % 7);
        var releases = new List<ModuleRelease>(modules);
        for (var k = 0; k < modules; k++)
        {
            var date = first.AddDays(7 * everyWeeks * k);
            var local = date.ToDateTime(time, DateTimeKind.Unspecified);
            // A release time inside the spring-forward gap does not exist: use the first valid minute after it.
            while (zone.IsInvalidTime(local))
            {
                local = local.AddMinutes(30);
            }

            releases.Add(new ModuleRelease(k + 1, date, local, TimeZoneInfo.ConvertTimeToUtc(local, zone)));
        }

        return releases;
    }

    /// <summary>How many modules have opened by <paramref name="utcNow"/>.</summary>
    public static int ReleasedBy(IReadOnlyList<ModuleRelease> releases, DateTime utcNow) => releases.Count(r => r.Utc <= utcNow);
}
