using ChangeAgentAcademy.Cohorts.Jobs;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Jobs;
using ChangeAgentAcademy.Web.Data;
using ChangeAgentAcademy.Web.Jobs;
using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.UnitTests;

public class JobRuleTests
{
    [Fact]
    public void AddJobs_InMemoryStorageWithSeveralNodes_RefusedWithClearMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new ServiceCollection().AddAcademyJobs(new DatabaseOptions { Provider = DatabaseProvider.Sqlite }, "Data Source=x.db", new JobsOptions { Nodes = 2 }));

        Assert.Contains("Jobs:Nodes is 2", error.Message);
        Assert.Contains("PostgreSQL", error.Message);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 60)]
    [InlineData(50, 60)]
    public void OutboxBackoff_GrowsAndCapsAtAnHour(int attempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), OutboxDrainJob.Backoff(attempts));
    }

    [Theory]
    [InlineData(2026, 11, "2026-11-03")]
    [InlineData(2026, 12, "2026-12-01")]
    [InlineData(2027, 2, "2027-02-02")]
    public void FirstTuesdayOfMonth(int year, int month, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DemoCohortStep.FirstWeekdayOfMonth(year, month, DayOfWeek.Tuesday));
    }

    [Fact]
    public void CohortEndDate_IsTenCadencePeriodsAfterStart()
    {
        Assert.Equal(new DateOnly(2027, 3, 23), CloseEndedCohortsJob.EndDate(new DateOnly(2026, 11, 3), 2));
    }

    private sealed class RecordingManager : IRecurringJobManager
    {
        public List<string> Added { get; } = [];

        public List<string> Removed { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) => Added.Add(recurringJobId);

        public void Trigger(string recurringJobId) { }

        public void RemoveIfExists(string recurringJobId) => Removed.Add(recurringJobId);
    }

    [Fact]
    public void SyncRecurringJobs_AddsEnabledAndRemovesSwitchedOff()
    {
        var manager = new RecordingManager();
        var outbox = RecurringJobDefinition.For<OutboxDrainJob>("notifications:outbox", "* * * * *");
        var close = RecurringJobDefinition.For<CloseEndedCohortsJob>("cohorts:close-ended", "15 2 * * *");

        JobsServiceCollectionExtensions.SyncRecurringJobs(manager, [outbox], [outbox, close]);

        Assert.Equal(["notifications:outbox"], manager.Added);
        Assert.Equal(["cohorts:close-ended"], manager.Removed);
    }
}
