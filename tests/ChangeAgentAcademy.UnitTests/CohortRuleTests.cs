using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.UnitTests;

public class CohortCalendarTests
{
    [Fact]
    public void Releases_EveryOtherTuesday_FromFirstTuesdayOnOrAfterStart()
    {
        var releases = CohortCalendar.Releases(new DateOnly(2026, 11, 25), 2, DayOfWeek.Tuesday, new TimeOnly(8, 0), "Europe/Copenhagen", 4);

        Assert.Equal(
            [new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 29), new DateOnly(2027, 1, 12)],
            releases.Select(r => r.LocalDate));
        Assert.Equal([1, 2, 3, 4], releases.Select(r => r.Module));
    }

    [Fact]
    public void Releases_StartOnTheCadenceDay_FirstModuleThatDay()
    {
        var releases = CohortCalendar.Releases(new DateOnly(2026, 12, 1), 1, DayOfWeek.Tuesday, new TimeOnly(8, 0), "Europe/Copenhagen", 2);

        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 8)], releases.Select(r => r.LocalDate));
    }

    [Fact]
    public void Releases_AcrossSpringDaylightSavingChange_SameLocalTimeUtcMovesAnHour()
    {
        // Copenhagen moves to summer time on Sunday 28 March 2027.
        var releases = CohortCalendar.Releases(new DateOnly(2027, 3, 22), 1, DayOfWeek.Tuesday, new TimeOnly(8, 0), "Europe/Copenhagen", 2);

        Assert.All(releases, r => Assert.Equal(new TimeOnly(8, 0), TimeOnly.FromDateTime(r.LocalTime)));
        Assert.Equal(new DateTime(2027, 3, 23, 7, 0, 0, DateTimeKind.Utc), releases[0].Utc);
        Assert.Equal(new DateTime(2027, 3, 30, 6, 0, 0, DateTimeKind.Utc), releases[1].Utc);
    }

    [Fact]
    public void Releases_AcrossAutumnChange_HelsinkiZone()
    {
        // Helsinki returns to winter time on Sunday 25 October 2026.
        var releases = CohortCalendar.Releases(new DateOnly(2026, 10, 19), 1, DayOfWeek.Wednesday, new TimeOnly(9, 30), "Europe/Helsinki", 2);

        Assert.Equal(new DateTime(2026, 10, 21, 6, 30, 0, DateTimeKind.Utc), releases[0].Utc);
        Assert.Equal(new DateTime(2026, 10, 28, 7, 30, 0, DateTimeKind.Utc), releases[1].Utc);
    }

    [Fact]
    public void Releases_TimeInsideSpringGap_MovesToFirstValidTime()
    {
        var releases = CohortCalendar.Releases(new DateOnly(2027, 3, 28), 1, DayOfWeek.Sunday, new TimeOnly(2, 30), "Europe/Copenhagen", 1);

        Assert.Equal(new TimeOnly(3, 0), TimeOnly.FromDateTime(releases[0].LocalTime));
        Assert.Equal(new DateTime(2027, 3, 28, 1, 0, 0, DateTimeKind.Utc), releases[0].Utc);
    }

    [Fact]
    public void Releases_ZeroWeekCadence_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CohortCalendar.Releases(new DateOnly(2027, 1, 1), 0, DayOfWeek.Tuesday, new TimeOnly(8, 0), "Europe/Copenhagen", 3));
    }

    [Fact]
    public void ReleasedBy_CountsModulesOpenedByThen()
    {
        var releases = CohortCalendar.Releases(new DateOnly(2026, 12, 1), 2, DayOfWeek.Tuesday, new TimeOnly(8, 0), "Europe/Copenhagen", 7);

        Assert.Equal(0, CohortCalendar.ReleasedBy(releases, new DateTime(2026, 12, 1, 6, 59, 0, DateTimeKind.Utc)));
        Assert.Equal(1, CohortCalendar.ReleasedBy(releases, new DateTime(2026, 12, 1, 7, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(2, CohortCalendar.ReleasedBy(releases, new DateTime(2026, 12, 20, 0, 0, 0, DateTimeKind.Utc)));
    }
}

public class ProgressRuleTests
{
    private static readonly OutlineModule[] Modules = [new("m1", "M1", ["a", "b", "c"]), new("m2", "M2", ["d", "e"]), new("m3", "M3", ["f"])];

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    [InlineData(9, 6)]
    public void Expected_LessonsInOpenedModules(int released, int expected)
    {
        Assert.Equal(expected, ProgressRules.Expected(Modules, released));
    }

    [Theory]
    [InlineData(MemberStatus.Waitlisted, 0, 6, 3, ProgressStatus.Waitlisted)]
    [InlineData(MemberStatus.Enrolled, 0, 6, 0, ProgressStatus.NotStarted)]
    [InlineData(MemberStatus.Enrolled, 0, 6, 3, ProgressStatus.Behind)]
    [InlineData(MemberStatus.Enrolled, 2, 6, 3, ProgressStatus.Behind)]
    [InlineData(MemberStatus.Enrolled, 3, 6, 3, ProgressStatus.OnTrack)]
    [InlineData(MemberStatus.Enrolled, 1, 6, 0, ProgressStatus.OnTrack)]
    [InlineData(MemberStatus.Enrolled, 6, 6, 6, ProgressStatus.Completed)]
    public void Status_FromDoneAgainstExpected(MemberStatus membership, int done, int total, int expected, ProgressStatus status)
    {
        Assert.Equal(status, ProgressRules.Status(membership, done, total, expected));
    }
}
