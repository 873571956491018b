using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Controllers;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests;

public class ScheduleRuleTests
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
    private static readonly TimeZoneInfo Helsinki = TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");

    [Fact]
    public void DueUtc_AcrossSpringForward_KeepsLocalTimeNotHours()
    {
        // Released Tue 24 Mar 2026 08:00 CET (07:00 UTC); clocks go forward on 29 Mar.
        var due = ScheduleRules.DueUtc(new DateTime(2026, 3, 24, 7, 0, 0, DateTimeKind.Utc), 10, Copenhagen);

        Assert.Equal(new DateTime(2026, 4, 3, 6, 0, 0), due); // 08:00 CEST
        Assert.Equal(8, TimeZoneInfo.ConvertTimeFromUtc(due, Copenhagen).Hour);
    }

    [Fact]
    public void DueUtc_AcrossAutumnBack_InHelsinki_KeepsLocalTime()
    {
        // Released Wed 21 Oct 2026 09:00 EEST (06:00 UTC); clocks go back on 25 Oct.
        var due = ScheduleRules.DueUtc(new DateTime(2026, 10, 21, 6, 0, 0, DateTimeKind.Utc), 7, Helsinki);

        Assert.Equal(new DateTime(2026, 10, 28, 7, 0, 0), due); // 09:00 EET
    }

    [Fact]
    public void LocalToUtc_TimeInSpringGap_MovesToFirstValidTime()
    {
        var utc = ScheduleRules.LocalToUtc(new DateTime(2026, 3, 29, 2, 30, 0), Copenhagen);

        Assert.Equal(3, TimeZoneInfo.ConvertTimeFromUtc(utc, Copenhagen).Hour);
    }

    [Fact]
    public void Plan_ModuleK_OpensOnKthCadenceDate_DueOffsetDaysLater()
    {
        var cohort = new CohortCadence(Guid.NewGuid(), "C", "trainee", "en", new DateOnly(2026, 12, 1), 2, DayOfWeek.Tuesday, new TimeOnly(8, 0), "Europe/Copenhagen", []);
        OutlineAssignment[] assignments = [new("m1/reflection", "m1", 1, "reflection", null, 10), new("m3/practical", "m3", 3, "practical", "pdsa", 14)];

        var plan = AssignmentScheduler.Plan(cohort, assignments, 7).ToList();

        Assert.Equal(new DateTime(2026, 12, 1, 7, 0, 0), plan[0].ReleaseUtc);
        Assert.Equal(new DateTime(2026, 12, 11, 7, 0, 0), plan[0].DueUtc);
        Assert.Equal(new DateTime(2026, 12, 29, 7, 0, 0), plan[1].ReleaseUtc); // 4 weeks after module 1
        Assert.Equal(new DateTime(2027, 1, 12, 7, 0, 0), plan[1].DueUtc);
    }

    [Fact]
    public void Plan_ReleaseAfterDaylightSavingChange_StaysAtLocalReleaseTime()
    {
        var cohort = new CohortCadence(Guid.NewGuid(), "C", "trainee", "en", new DateOnly(2027, 3, 16), 1, DayOfWeek.Tuesday, new TimeOnly(8, 0), "Europe/Copenhagen", []);
        OutlineAssignment[] assignments = [new("m1/reflection", "m1", 1, "reflection", null, 10), new("m3/reflection", "m3", 3, "reflection", null, 10)];

        var plan = AssignmentScheduler.Plan(cohort, assignments, 3).ToList();

        Assert.Equal(7, plan[0].ReleaseUtc.Hour); // 16 Mar, CET
        Assert.Equal(6, plan[1].ReleaseUtc.Hour); // 30 Mar, CEST: still 08:00 local
    }

    private static readonly ReflectionOptions Defaults = new();

    [Theory]
    [InlineData(-49, false)] // due in 49 h: not yet
    [InlineData(-47, true)]  // due in 47 h: remind
    [InlineData(-1, true)]   // an hour before due, after downtime: still useful
    [InlineData(1, false)]   // already past due: the before-due reminder is moot
    public void ReminderWindow_BeforeDue(int hoursFromDue, bool remind)
    {
        var due = new DateTime(2026, 12, 11, 7, 0, 0, DateTimeKind.Utc);
        var now = due.AddHours(hoursFromDue);

        Assert.Equal(remind, ScheduleRules.ReminderWindow(ReminderKind.BeforeDue, now, Defaults).Contains(due));
    }

    [Theory]
    [InlineData(23, false)] // not a day late yet
    [InlineData(25, true)]
    [InlineData(24 + 47, true)]  // downtime: sent late, once
    [InlineData(24 + 49, false)] // long past due: skipped
    public void ReminderWindow_AfterDue_CatchesUpWithinTheWindowOnly(int hoursAfterDue, bool remind)
    {
        var due = new DateTime(2026, 12, 11, 7, 0, 0, DateTimeKind.Utc);

        Assert.Equal(remind, ScheduleRules.ReminderWindow(ReminderKind.AfterDue, due.AddHours(hoursAfterDue), Defaults).Contains(due));
    }

    [Fact]
    public void ReminderWindow_FakeClockOverTwoWeeks_EachReminderFallsInExactlyOneMinute()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var due = new DateTime(2026, 12, 11, 7, 0, 0, DateTimeKind.Utc);
        var firstBefore = (DateTime?)null;
        var firstAfter = (DateTime?)null;
        while (clock.GetUtcNow() < new DateTimeOffset(2026, 12, 16, 0, 0, 0, TimeSpan.Zero))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (firstBefore is null && ScheduleRules.ReminderWindow(ReminderKind.BeforeDue, now, Defaults).Contains(due))
            {
                firstBefore = now;
            }

            if (firstAfter is null && ScheduleRules.ReminderWindow(ReminderKind.AfterDue, now, Defaults).Contains(due))
            {
                firstAfter = now;
            }

            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(due.AddHours(-48), firstBefore);
        Assert.Equal(due.AddDays(1), firstAfter);
    }

    [Theory]
    [InlineData(WorkStatus.Open, 1, "open")]
    [InlineData(WorkStatus.Open, -1, "overdue")]
    [InlineData(WorkStatus.Submitted, -1, "submitted")]
    [InlineData(WorkStatus.RevisionRequested, 1, "revision")]
    [InlineData(WorkStatus.Accepted, -1, "accepted")]
    public void StatusWord_OverdueOnlyWhenNothingHandedIn(WorkStatus status, int daysToDue, string expected)
    {
        var now = new DateTime(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expected, ScheduleRules.StatusWord(status, now.AddDays(daysToDue), now));
    }

    [Fact]
    public void IsLate_AfterThePersonalDueDate()
    {
        var due = new DateTime(2026, 12, 11, 7, 0, 0, DateTimeKind.Utc);
        Assert.False(ScheduleRules.IsLate(due, due));
        Assert.True(ScheduleRules.IsLate(due.AddSeconds(1), due));
    }

    [Fact]
    public void Segments_MarkFindingsAndKeepEveryCharacter()
    {
        var text = "I met fru Jensen at Østervej 3 today.";
        var findings = new[] { new CitizenDataFinding(6, 10, CitizenDataKind.Name, "fru Jensen"), new CitizenDataFinding(20, 10, CitizenDataKind.Address, "Østervej 3") };

        var segments = FindingMarks.Segments(text, findings);

        Assert.Equal(text, string.Concat(segments.Select(s => s.Text)));
        Assert.Equal([null, CitizenDataKind.Name, null, CitizenDataKind.Address, null], segments.Select(s => s.Kind));
    }

    [Fact]
    public void PersonText_BlankLinesMakeParagraphs_LineBreaksStay_EverythingEncoded()
    {
        var html = ChangeAgentAcademy.Text.PersonText.ToHtml("  First <b>line</b>\r\nsame paragraph\r\n \r\n\r\nSecond & last\n\n");

        Assert.Equal("<p>  First &lt;b&gt;line&lt;/b&gt;<br>same paragraph</p><p>Second &amp; last</p>", html);
        Assert.Equal("", ChangeAgentAcademy.Text.PersonText.ToHtml(" \r\n "));
    }

    [Fact]
    public void MarkedParagraphs_SplitAtBlankLines_FindingsStayInTheirParagraph()
    {
        var text = "I asked first.\r\n\r\nI met fru Jensen today.";
        var findings = new[] { new CitizenDataFinding(24, 10, CitizenDataKind.Name, "fru Jensen") };

        var paragraphs = FindingMarks.MarkedParagraphs(text, findings);

        Assert.Equal(2, paragraphs.Count);
        Assert.Equal("I asked first.", string.Concat(paragraphs[0].Select(s => s.Text)));
        Assert.Equal([null, CitizenDataKind.Name, null], paragraphs[1].Select(s => s.Kind));
        Assert.Equal("fru Jensen", paragraphs[1][1].Text);
    }
}
