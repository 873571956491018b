using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.Jobs;

/// <summary>
/// Closes cohorts whose programme has run its course (every module released and three more cadence
/// periods passed), so they stop taking enrolments, reminders and review. A set-based conditional update: safe to run twice.
/// </summary>
public sealed class CloseEndedCohortsJob(DbContext db, ProgrammeTime time) : IRecurringJob
{
    public const string Id = "cohorts:close-ended";

    /// <summary>
    /// Seven modules, and three more periods: the last module's practical is due four weeks after it opens
    /// and its reflection a week later, and trainers still need time to review both
    /// (content/README.md, "Due dates"; checked by ContentRuleTests).
    /// </summary>
    public const int PeriodsPerProgramme = 10;

    public async Task<int> CloseAsync(CancellationToken cancellationToken)
    {
        var today = time.Today;
        var open = await db.Set<Cohort>().Where(c => c.Status == CohortStatus.Open).Select(c => new { c.Id, c.StartDate, c.CadenceWeeks }).ToListAsync(cancellationToken);
        var ended = open.Where(c => EndDate(c.StartDate, c.CadenceWeeks) < today).Select(c => c.Id).ToList();
        if (ended.Count == 0)
        {
            return 0;
        }

        return await db.Set<Cohort>()
            .Where(c => ended.Contains(c.Id) && c.Status == CohortStatus.Open)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CohortStatus.Closed), cancellationToken);
    }

    public Task RunAsync(CancellationToken cancellationToken) => CloseAsync(cancellationToken);

    public static DateOnly EndDate(DateOnly start, int cadenceWeeks) => start.AddDays(7 * Math.Max(1, cadenceWeeks) * PeriodsPerProgramme);
}
