using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;

namespace ChangeAgentAcademy.Workshops.Services;

/// <summary>The workshop rules that need no database: the series calendar, capacity and the waiting list.</summary>
public static class WorkshopRules
{
    /// <summary>
    /// <paramref name="count"/> sessions: the first on the first <paramref name="weekday"/> on or after
    /// <paramref name="from"/>, then every <paramref name="everyWeeks"/> weeks, at the same local time in
    /// <paramref name="timeZone"/> across daylight-saving changes (the UTC instant moves).
    /// </summary>
    public static IReadOnlyList<SessionSlot> Series(DateOnly from, int count, int everyWeeks, DayOfWeek weekday, TimeOnly time, int durationMinutes, string timeZone) =>
        CohortCalendar.Releases(from, everyWeeks, weekday, time, timeZone, count)
            .Select(r => new SessionSlot(r.LocalTime, r.Utc, r.Utc.AddMinutes(durationMinutes)))
            .ToList();

    /// <summary>One session on a local date and time (a time in the spring-forward gap moves to the first valid minute after it).</summary>
    public static SessionSlot Single(DateOnly date, TimeOnly time, int durationMinutes, string timeZone) =>
        Series(date, 1, 1, date.DayOfWeek, time, durationMinutes, timeZone)[0];

    public static bool CapacityAllowed(int capacity, WorkshopOptions options) => capacity >= options.MinCapacity && capacity <= options.MaxCapacity;

    public static bool OnSiteParticipantsAllowed(int participants, WorkshopOptions options) =>
        participants >= options.OnSiteMinParticipants && participants <= options.OnSiteMaxParticipants;

    /// <summary>A place while there is one; past capacity the waiting list, only when the person asked for it; otherwise null (refused).</summary>
    public static BookingStatus? Place(int booked, int capacity, bool joinWaitlist) =>
        booked < capacity ? BookingStatus.Booked : joinWaitlist ? BookingStatus.Waitlisted : null;

    /// <summary>Who moves up when places free: first come (earliest BookedUtc) first served, as many as there are free places.</summary>
    public static IReadOnlyList<Guid> Promote(IEnumerable<(Guid UserId, DateTime BookedUtc)> waitlist, int booked, int capacity) =>
        waitlist.OrderBy(w => w.BookedUtc).ThenBy(w => w.UserId).Take(Math.Max(0, capacity - booked)).Select(w => w.UserId).ToList();

    /// <summary>Why a person cannot book this session now, or null.</summary>
    public static string? BookingRefusal(WorkshopStatus status, DateTime startsUtc, DateTime nowUtc, BookingStatus? existing) =>
        status == WorkshopStatus.Cancelled ? "SessionCancelled"
        : startsUtc <= nowUtc || status == WorkshopStatus.Held ? "SessionStarted"
        : existing == BookingStatus.Booked ? "AlreadyBooked"
        : existing == BookingStatus.Waitlisted ? "AlreadyWaitlisted"
        : null;

    /// <summary>Why a person cannot cancel their booking now, or null.</summary>
    public static string? CancelRefusal(DateTime startsUtc, DateTime nowUtc, BookingStatus? existing) =>
        existing is not (BookingStatus.Booked or BookingStatus.Waitlisted) ? "NotBooked"
        : startsUtc <= nowUtc ? "CancelAfterStart"
        : null;
}
