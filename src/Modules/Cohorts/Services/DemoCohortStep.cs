using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>
/// Demo mode: one cohort run by both demo trainers, with all twelve demo trainees. It started five to six
/// weeks before the seeding day (a Tuesday), so whatever the date three modules are released, some work is
/// overdue and the third module's assignments are due in the coming days.
/// </summary>
public sealed class DemoCohortStep(DbContext db, ProgrammeTime time) : IImportStep
{
    public static readonly Guid DemoCohortId = new("8d3c2f1e-0a4b-4c6d-9e8f-000000000001");

    public int Order => 10;

    public async Task RunAsync(ImportContext context, CancellationToken cancellationToken)
    {
        if (!context.DemoMode || await db.Set<Cohort>().AnyAsync(c => c.Id == DemoCohortId, cancellationToken))
        {
            return;
        }

        var today = time.Today;
        var start = DemoStart(today);
        var now = time.UtcNow;
        db.Set<Cohort>().Add(new Cohort
        {
            Id = DemoCohortId,
            Name = $"Change agents {start:yyyy-MM}",
            Language = "en",
            Track = CohortTrack.Trainee,
            StartDate = start,
            CadenceWeeks = 2,
            CadenceDay = DayOfWeek.Tuesday,
            Capacity = 20,
            CreatedUtc = now,
        });

        var trainers = await db.Set<AppUser>().Where(u => u.Email!.StartsWith("trainer") && u.Email.EndsWith("@demo.local")).Select(u => u.Id).ToListAsync(cancellationToken);
        var trainees = await db.Set<AppUser>().Where(u => u.Email!.StartsWith("trainee") && u.Email.EndsWith("@demo.local")).Select(u => u.Id).ToListAsync(cancellationToken);
        db.Set<CohortTrainer>().AddRange(trainers.Select(id => new CohortTrainer { CohortId = DemoCohortId, UserId = id }));
        db.Set<CohortMember>().AddRange(trainees.Select(id => new CohortMember { CohortId = DemoCohortId, UserId = id, Status = MemberStatus.Enrolled, EnrolledUtc = now, ChangedUtc = now }));
        db.AddAudit(now, null, "cohorts.demo-created", DemoCohortId.ToString(), $"{trainees.Count} trainees");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The Tuesday 35 to 41 days before <paramref name="today"/>: modules 1-3 (every two weeks) are out, module 4 is not.</summary>
    public static DateOnly DemoStart(DateOnly today)
    {
        var day = today.AddDays(-35);
        return day.AddDays(-(((int)day.DayOfWeek - (int)DayOfWeek.Tuesday + 7) % 7));
    }

    public static DateOnly FirstWeekdayOfMonth(int year, int month, DayOfWeek day)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7);
    }
}
