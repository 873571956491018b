using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>The schedule's rules, free of the database so they can be tested with any clock.</summary>
public static class ScheduleRules
{
    /// <summary>
    /// Due <paramref name="days"/> days after the release, at the same local time in the cohort's zone:
    /// a due date across a daylight-saving change keeps its wall-clock time, not its distance in hours.
    /// </summary>
    public static DateTime DueUtc(DateTime releaseUtc, int days, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(releaseUtc, DateTimeKind.Utc), zone).AddDays(days);
        return LocalToUtc(local, zone);
    }

    /// <summary>A local wall-clock time to UTC; a time inside the spring-forward gap moves to the first valid minute after it.</summary>
    public static DateTime LocalToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>
    /// Which due dates get a reminder of <paramref name="kind"/> at <paramref name="now"/>. A reminder's
    /// moment is due − before (or due + after); it is sent once its moment has passed, and still sent late
    /// after downtime up to the catch-up window. The before-due reminder is never sent once the due date
    /// has passed: the after-due reminder speaks then.
    /// </summary>
    public static DueWindow ReminderWindow(ReminderKind kind, DateTime now, ReflectionOptions options)
    {
        if (kind == ReminderKind.BeforeDue)
        {
            var upTo = now + options.RemindBeforeDue;
            var after = Max(now, upTo - options.CatchUpWindow);
            return new DueWindow(after, upTo);
        }

        var latest = now - options.RemindAfterDue;
        return new DueWindow(latest - options.CatchUpWindow, latest);
    }

    /// <summary>Whether a submission is late: after the due date that applies to the trainee.</summary>
    public static bool IsLate(DateTime submittedUtc, DateTime dueUtc) => submittedUtc > dueUtc;

    /// <summary>The stable word for a work item's state, as the module page and the team view show it.</summary>
    public static string StatusWord(WorkStatus status, DateTime dueUtc, DateTime now) => status switch
    {
        WorkStatus.Accepted => "accepted",
        WorkStatus.Submitted => "submitted",
        WorkStatus.RevisionRequested => "revision",
        _ => dueUtc < now ? "overdue" : "open",
    };

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}
