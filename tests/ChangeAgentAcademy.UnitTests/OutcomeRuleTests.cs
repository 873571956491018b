using ChangeAgentAcademy.Outcomes.Services;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests;

/// <summary>Completion rules (pure, clock passed in) and verification codes.</summary>
public class OutcomeRuleTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2027, 5, 1, 12, 0, 0, TimeSpan.Zero));

    private static DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private static PersonFacts Facts(int lessons = 20, int reflections = 5, int practicals = 3, int sessions = 4, params DateTime[] workshops) =>
        new(lessons, 20, reflections, 5, practicals, 3, sessions, workshops);

    [Fact]
    public void Default_EverythingDone_IsComplete_WithThreeRules()
    {
        var checks = CompletionRules.Evaluate(RuleSet.Default, Facts(), Now);
        Assert.Equal(["lessons", "reflections", "practicals"], checks.Select(c => c.Kind));
        Assert.True(CompletionRules.IsComplete(checks));
    }

    [Fact]
    public void OneReflectionNotAccepted_NotComplete_AndSaysFourOfFive()
    {
        var checks = CompletionRules.Evaluate(RuleSet.Default, Facts(reflections: 4), Now);
        var reflections = Assert.Single(checks, c => c.Kind == "reflections");
        Assert.Equal((4, 5, false), (reflections.Have, reflections.Need, reflections.Met));
        Assert.False(CompletionRules.IsComplete(checks));
        Assert.Equal(2, checks.Count(c => c.Met));
    }

    [Theory]
    [InlineData(50, 10, true)]
    [InlineData(50, 9, false)]
    [InlineData(51, 10, false)] // 51 % of 20 is 10.2: eleven lessons needed
    [InlineData(51, 11, true)]
    [InlineData(100, 19, false)]
    public void LessonsPercent_RoundsTheNeedUp(int percent, int read, bool met)
    {
        var rules = new RuleSet(false, false, 0, 0, percent);
        var check = Assert.Single(CompletionRules.Evaluate(rules, Facts(lessons: read), Now));
        Assert.Equal(met, check.Met);
    }

    [Fact]
    public void MoreLessonsReadThanTheTrackHas_CountOnlyTheTrack()
    {
        var check = Assert.Single(CompletionRules.Evaluate(new RuleSet(false, false, 0, 0, 100), Facts(lessons: 26), Now));
        Assert.Equal(20, check.Have);
    }

    [Fact]
    public void Workshop_CountsOnlyOnceItHasEnded_AsTheClockMoves()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.Zero));
        var rules = new RuleSet(false, false, 0, 1, 0);
        var facts = Facts(workshops: new DateTime(2027, 5, 1, 11, 0, 0, DateTimeKind.Utc));
        Assert.False(CompletionRules.IsComplete(CompletionRules.Evaluate(rules, facts, clock.GetUtcNow().UtcDateTime)));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.True(CompletionRules.IsComplete(CompletionRules.Evaluate(rules, facts, clock.GetUtcNow().UtcDateTime)));
    }

    [Fact]
    public void Supervision_AtLeastN()
    {
        var rules = new RuleSet(false, false, 5, 0, 0);
        Assert.False(CompletionRules.IsComplete(CompletionRules.Evaluate(rules, Facts(sessions: 4), Now)));
        Assert.True(CompletionRules.IsComplete(CompletionRules.Evaluate(rules, Facts(sessions: 5), Now)));
    }

    [Fact]
    public void EveryRuleOff_NeverComplete()
    {
        var checks = CompletionRules.Evaluate(new RuleSet(false, false, 0, 0, 0), Facts(), Now);
        Assert.Empty(checks);
        Assert.False(CompletionRules.IsComplete(checks));
    }

    [Fact]
    public void Summary_RoundTrips()
    {
        var checks = CompletionRules.Evaluate(new RuleSet(true, false, 2, 0, 100), Facts(sessions: 3), Now);
        Assert.Equal([("lessons", 20), ("reflections", 5), ("supervision", 3)], CompletionRules.ParseSummary(CompletionRules.Summary(checks)));
    }

    [Theory]
    [InlineData("trainee", 0, 0, 100, null)]
    [InlineData("leader", 100, 50, 0, null)]
    [InlineData("manager", 0, 0, 100, "UnknownTrack")]
    [InlineData("trainee", -1, 0, 100, "SupervisionRange")]
    [InlineData("trainee", 0, 51, 100, "WorkshopsRange")]
    [InlineData("trainee", 0, 0, 101, "LessonsRange")]
    public void Validate_Ranges(string track, int supervision, int workshops, int lessons, string? problem) =>
        Assert.Equal(problem, CompletionRules.Validate(track, supervision, workshops, lessons));

    [Fact]
    public void Codes_AreUniqueEnough_AndNormalize()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => CertificateCode.New()).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[A-Z2-9]{5}-[A-Z2-9]{5}$", c));
        Assert.Equal(codes[0], CertificateCode.Normalize(codes[0].ToLowerInvariant().Replace("-", " ")));
        Assert.Null(CertificateCode.Normalize("404"));
        Assert.Null(CertificateCode.Normalize("OOOOO-IIIII")); // look-alikes are never in a code
    }

    [Fact]
    public void IssuingJob_IsScheduledEveryQuarterHour_UnderTheIdOthersTrigger()
    {
        var job = Assert.Single(new ChangeAgentAcademy.Outcomes.Startup().RecurringJobs, j => j.JobType == typeof(ChangeAgentAcademy.Outcomes.Jobs.IssueCertificatesJob));
        Assert.Equal(ChangeAgentAcademy.Modules.JobIds.IssueCertificates, job.Id);
        Assert.Equal("outcomes:issue-certificates", job.Id);
        Assert.Equal("*/15 * * * *", job.Cron);
    }
}
