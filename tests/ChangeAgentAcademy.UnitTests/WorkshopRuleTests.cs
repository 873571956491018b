using ChangeAgentAcademy.Workshops.Data;
using ChangeAgentAcademy.Workshops.Services;

namespace ChangeAgentAcademy.UnitTests;

public class WorkshopRuleTests
{
    private static readonly WorkshopOptions Defaults = new();

    [Fact]
    public void Series_EveryOtherWednesday_KeepsLocalTimeAcrossDaylightSaving()
    {
        // Monday 1 March 2027; Copenhagen moves to summer time on Sunday 28 March.
        var slots = WorkshopRules.Series(new DateOnly(2027, 3, 1), 4, Defaults.EveryWeeks, Defaults.Weekday, Defaults.StartTime, Defaults.DurationMinutes, "Europe/Copenhagen");

        Assert.Equal([new DateTime(2027, 3, 3, 13, 0, 0), new DateTime(2027, 3, 17, 13, 0, 0), new DateTime(2027, 3, 31, 13, 0, 0), new DateTime(2027, 4, 14, 13, 0, 0)], slots.Select(s => s.LocalStart));
        Assert.All(slots, s => Assert.Equal(DayOfWeek.Wednesday, s.LocalStart.DayOfWeek));
        Assert.Equal(new DateTime(2027, 3, 17, 12, 0, 0, DateTimeKind.Utc), slots[1].StartsUtc); // CET, UTC+1
        Assert.Equal(new DateTime(2027, 3, 31, 11, 0, 0, DateTimeKind.Utc), slots[2].StartsUtc); // CEST, UTC+2
        Assert.All(slots, s => Assert.Equal(TimeSpan.FromMinutes(180), s.EndsUtc - s.StartsUtc));
    }

    [Fact]
    public void Series_StartingOnAWednesday_IncludesThatDay_AndAutumnChangeMovesUtcBack()
    {
        var slots = WorkshopRules.Series(new DateOnly(2027, 10, 20), 2, 2, DayOfWeek.Wednesday, new TimeOnly(13, 0), 180, "Europe/Stockholm");

        Assert.Equal(new DateOnly(2027, 10, 20), DateOnly.FromDateTime(slots[0].LocalStart));
        Assert.Equal(new DateTime(2027, 10, 20, 11, 0, 0, DateTimeKind.Utc), slots[0].StartsUtc);
        Assert.Equal(new DateTime(2027, 11, 3, 12, 0, 0, DateTimeKind.Utc), slots[1].StartsUtc);
    }

    [Fact]
    public void Single_InTheSpringForwardGap_MovesToTheFirstValidTime()
    {
        var slot = WorkshopRules.Single(new DateOnly(2027, 3, 28), new TimeOnly(3, 30), 60, "Europe/Helsinki");

        Assert.Equal(new DateTime(2027, 3, 28, 1, 0, 0, DateTimeKind.Utc), slot.StartsUtc); // 03:30 does not exist in Helsinki that night: 04:00 EEST
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(30, true)]
    [InlineData(31, false)]
    public void Capacity_BetweenFiveAndThirty(int capacity, bool allowed) => Assert.Equal(allowed, WorkshopRules.CapacityAllowed(capacity, Defaults));

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void OnSiteRequest_ForFiveToTenPeople(int people, bool allowed) => Assert.Equal(allowed, WorkshopRules.OnSiteParticipantsAllowed(people, Defaults));

    [Fact]
    public void Place_BooksWhileFree_WaitlistsOnlyWhenAsked()
    {
        Assert.Equal(BookingStatus.Booked, WorkshopRules.Place(9, 10, joinWaitlist: false));
        Assert.Null(WorkshopRules.Place(10, 10, joinWaitlist: false));
        Assert.Equal(BookingStatus.Waitlisted, WorkshopRules.Place(10, 10, joinWaitlist: true));
        Assert.Equal(BookingStatus.Booked, WorkshopRules.Place(3, 10, joinWaitlist: true));
    }

    [Fact]
    public void Promote_FirstComeFirstServed_AsManyAsFreePlaces()
    {
        var t0 = new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var waitlist = new[] { (c, t0.AddMinutes(3)), (a, t0.AddMinutes(1)), (b, t0.AddMinutes(2)) };

        Assert.Equal([a], WorkshopRules.Promote(waitlist, booked: 9, capacity: 10));
        Assert.Equal([a, b], WorkshopRules.Promote(waitlist, booked: 8, capacity: 10));
        Assert.Empty(WorkshopRules.Promote(waitlist, booked: 10, capacity: 10));
        Assert.Empty(WorkshopRules.Promote(waitlist, booked: 12, capacity: 10));
    }

    [Fact]
    public void Refusals_CancelledStartedTwiceAndLateCancel()
    {
        var now = new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        Assert.Equal("SessionCancelled", WorkshopRules.BookingRefusal(WorkshopStatus.Cancelled, now.AddDays(1), now, null));
        Assert.Equal("SessionStarted", WorkshopRules.BookingRefusal(WorkshopStatus.Open, now, now, null));
        Assert.Equal("AlreadyBooked", WorkshopRules.BookingRefusal(WorkshopStatus.Open, now.AddDays(1), now, BookingStatus.Booked));
        Assert.Equal("AlreadyWaitlisted", WorkshopRules.BookingRefusal(WorkshopStatus.Open, now.AddDays(1), now, BookingStatus.Waitlisted));
        Assert.Null(WorkshopRules.BookingRefusal(WorkshopStatus.Open, now.AddDays(1), now, BookingStatus.Cancelled));
        Assert.Equal("CancelAfterStart", WorkshopRules.CancelRefusal(now.AddMinutes(-1), now, BookingStatus.Booked));
        Assert.Equal("NotBooked", WorkshopRules.CancelRefusal(now.AddDays(1), now, BookingStatus.Cancelled));
        Assert.Null(WorkshopRules.CancelRefusal(now.AddDays(1), now, BookingStatus.Waitlisted));
    }
}
