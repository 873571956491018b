using ChangeAgentAcademy.Reflections.Services;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>Marking a rubric (a level 1–3 for every criterion, nothing else) and when a waiting review is reminded.</summary>
public class ReviewRubricRuleTests
{
    private static readonly string[] Criteria = ["evidence", "self", "next-step"];

    private static Dictionary<string, string?> Posted(params (string Id, string? Level)[] marks) => marks.ToDictionary(m => m.Id, m => m.Level);

    [Fact]
    public void Check_EveryCriterionMarked_AcceptsTheLevels()
    {
        var check = ReviewMarkRules.Check(Criteria, Posted(("evidence", "1"), ("self", "2"), ("next-step", "3")));

        Assert.True(check.Ok);
        Assert.Equal(new Dictionary<string, int> { ["evidence"] = 1, ["self"] = 2, ["next-step"] = 3 }, check.Levels);
    }

    [Fact]
    public void Check_ACriterionLeftOutOrEmpty_IsMissing()
    {
        var check = ReviewMarkRules.Check(Criteria, Posted(("evidence", "2"), ("self", " ")));

        Assert.False(check.Ok);
        Assert.Equal(["self", "next-step"], check.Missing);
        Assert.Empty(check.Unknown);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("-1")]
    [InlineData("two")]
    [InlineData("1.5")]
    public void Check_ALevelOutsideOneToThree_IsInvalid_NotMissing(string level)
    {
        var check = ReviewMarkRules.Check(Criteria, Posted(("evidence", level), ("self", "2"), ("next-step", "3")));

        Assert.False(check.Ok);
        Assert.Equal(["evidence"], check.Invalid);
        Assert.Empty(check.Missing);
    }

    [Fact]
    public void Check_AnIdTheRubricDoesNotHave_IsUnknown()
    {
        var check = ReviewMarkRules.Check(Criteria, Posted(("evidence", "1"), ("self", "2"), ("next-step", "3"), ("forged", "3")));

        Assert.False(check.Ok);
        Assert.Equal(["forged"], check.Unknown);
    }

    [Fact]
    public void Check_NoRubric_NothingPostedIsFine_AnyMarkIsUnknown()
    {
        Assert.True(ReviewMarkRules.Check(null, null).Ok);
        Assert.Empty(ReviewMarkRules.Check(null, Posted()).Levels);
        Assert.Equal(["evidence"], ReviewMarkRules.Check(null, Posted(("evidence", "2"))).Unknown);
    }

    [Fact]
    public void Reminder_IsDueOnceTheConfiguredDaysHavePassed_NotBefore()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var handedIn = clock.GetUtcNow().UtcDateTime;

        clock.Advance(TimeSpan.FromDays(5) - TimeSpan.FromMinutes(1));
        var justBefore = ReviewReminderRules.IsDue(handedIn, clock.GetUtcNow().UtcDateTime, 5);
        clock.Advance(TimeSpan.FromMinutes(1));
        var atFiveDays = ReviewReminderRules.IsDue(handedIn, clock.GetUtcNow().UtcDateTime, 5);
        var withTwoDays = ReviewReminderRules.IsDue(handedIn, clock.GetUtcNow().UtcDateTime.AddDays(-3).AddMinutes(-1), 2);

        Assert.False(justBefore);
        Assert.True(atFiveDays);
        Assert.False(withTwoDays);
    }

    [Fact]
    public void Reminder_ZeroOrNegativeDays_CountAsOne()
    {
        var now = new DateTime(2026, 12, 2, 12, 0, 0, DateTimeKind.Utc);

        Assert.False(ReviewReminderRules.IsDue(now.AddHours(-23), now, 0));
        Assert.True(ReviewReminderRules.IsDue(now.AddHours(-24), now, -3));
    }

    [Fact]
    public void Reminder_Key_IsPerWorkVersionAndTrainer()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();

        Assert.Equal(ReviewReminderRules.Key(7, 1, a), ReviewReminderRules.Key(7, 1, a));
        Assert.NotEqual(ReviewReminderRules.Key(7, 1, a), ReviewReminderRules.Key(7, 2, a));
        Assert.NotEqual(ReviewReminderRules.Key(7, 1, a), ReviewReminderRules.Key(7, 1, b));
    }

    [Fact]
    public void Percentile_NearestRank_MedianAndP90()
    {
        var hours = Enumerable.Range(1, 10).Select(h => TimeSpan.FromHours(h)).Reverse().ToList();

        Assert.Equal(TimeSpan.FromHours(5), ReviewReminderRules.Percentile(hours, 50));
        Assert.Equal(TimeSpan.FromHours(9), ReviewReminderRules.Percentile(hours, 90));
        Assert.Equal(TimeSpan.FromHours(3), ReviewReminderRules.Percentile([TimeSpan.FromHours(3)], 90));
        Assert.Null(ReviewReminderRules.Percentile([], 50));
    }
}

/// <summary>What an author may save as a rubric: a title, 2–8 criteria with valid unique ids, names and three levels.</summary>
public class RubricAuthoringRuleTests
{
    private static Curriculum.Services.RubricRow Row(string id, string name = "Name", params string[] levels) =>
        new(id, name, levels.Length == 0 ? ["a", "b", "c"] : levels);

    [Fact]
    public void Validate_TwoGoodCriteria_IsFine()
    {
        Assert.Empty(Curriculum.Services.RubricRules.Validate("Title", [Row("one"), Row("two-2")]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Validate_FewerThanTwoOrMoreThanEight_IsRefused(int count)
    {
        var problems = Curriculum.Services.RubricRules.Validate("Title", [.. Enumerable.Range(1, count).Select(i => Row($"c{i}"))]);

        Assert.Equal(["RubricCriteriaCount"], problems.Select(p => p.Key));
        Assert.Equal(count, problems[0].Args[2]);
    }

    [Fact]
    public void Validate_EveryProblemNamed_TitleIdDuplicateNameLevels()
    {
        var problems = Curriculum.Services.RubricRules.Validate(" ", [Row("Bad Id"), Row("same"), Row("same", " "), Row("four", "N", "a", "", "c"), Row("five", "N", "a", "b")]);

        Assert.Equal(["RubricTitleRequired", "RubricIdInvalid", "RubricIdDuplicate", "RubricNameRequired", "RubricLevelsRequired", "RubricLevelsRequired"], problems.Select(p => p.Key));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void ValidateGuidance_Blank_IsRefused(string? guidance) =>
        Assert.Equal(["RubricGuidanceRequired"], Curriculum.Services.RubricRules.ValidateGuidance(guidance).Select(p => p.Key));

    [Fact]
    public void ValidateGuidance_UpToTheLimit_IsFine_OneMore_IsRefused()
    {
        var max = Curriculum.Services.RubricRules.MaxGuidance;
        Assert.Empty(Curriculum.Services.RubricRules.ValidateGuidance(" " + new string('g', max) + "\n"));
        Assert.Equal(["RubricGuidanceRequired"], Curriculum.Services.RubricRules.ValidateGuidance(new string('g', max + 1)).Select(p => p.Key));
    }
}
