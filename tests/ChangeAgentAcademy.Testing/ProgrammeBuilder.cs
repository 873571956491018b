using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.Testing;

/// <summary>A site whose clock the test moves (and no Hangfire server, so the test decides when the dispatcher runs).</summary>
public interface IClockedSite
{
    FakeTimeProvider Clock { get; }
}

public class ClockedSqliteSite : SqliteSite, IClockedSite
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 6, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Jobs:RunServer", "false")];

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public class ClockedPostgresSite : PostgresSite, IClockedSite
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 1, 6, 0, 0, TimeSpan.Zero));

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Jobs:RunServer", "false")];

    protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>A cohort with its trainers, a team and its leader, and trainees: Moodle's data generator, in one line.</summary>
public sealed record TestCohort(Guid Id, AppUser Trainer, AppUser Leader, Guid TeamId, IReadOnlyList<AppUser> Trainees, DateTime FirstReleaseUtc);

public static class ProgrammeBuilder
{
    /// <summary>
    /// What keeps a person's data from erasure (#15): they are a member, contract agreed, of the running supervision
    /// group <paramref name="group"/>, and a trainer of the open cohort <paramref name="cohort"/> (on the first cohort's schedule).
    /// </summary>
    public static Task HoldAsync(this SiteFactory site, Guid personId, string group, string cohort) =>
        site.WithScopeAsync(async (_, db) =>
        {
            var g = new SupervisionGroup { Id = Guid.NewGuid(), Name = group, SupervisorId = Guid.NewGuid(), Status = GroupStatus.Active, Contract = "c", ContractVersion = 1, CreatedUtc = DateTime.UtcNow };
            db.Add(g);
            db.Add(new GroupMember { GroupId = g.Id, UserId = personId, JoinedUtc = DateTime.UtcNow, AgreedContractVersion = 1, AgreedUtc = DateTime.UtcNow });
            var template = await db.Set<Cohort>().AsNoTracking().FirstAsync();
            var c = new Cohort
            {
                Id = Guid.NewGuid(), Name = cohort, Track = template.Track, Status = CohortStatus.Open, Capacity = 10, StartDate = template.StartDate, CadenceWeeks = template.CadenceWeeks,
                CadenceDay = template.CadenceDay, ReleaseTime = template.ReleaseTime, TimeZone = template.TimeZone, Language = template.Language, CreatedUtc = DateTime.UtcNow,
            };
            db.Add(c);
            db.Add(new CohortTrainer { CohortId = c.Id, UserId = personId });
            await db.SaveChangesAsync();
        });

    /// <summary>
    /// A trainee-track cohort whose first module opens tomorrow at 08:00 Copenhagen time (weekly cadence
    /// on that weekday), run by a new trainer, with <paramref name="trainees"/> members of one new team.
    /// </summary>
    public static async Task<TestCohort> CohortAsync(this SiteFactory site, int trainees, int cadenceWeeks = 1, string language = "en")
    {
        var clock = ((IClockedSite)site).Clock;
        var trainer = await site.PersonAsync(Roles.Trainer);
        var leader = await site.PersonAsync(Roles.Leader);
        var teamId = Guid.NewGuid();
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Teams.Add(new Team { Id = teamId, Name = "Team " + teamId.ToString("N")[..8], LeaderId = leader.Id, CreatedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync();
        });
        var people = new List<AppUser>();
        for (var i = 0; i < trainees; i++)
        {
            people.Add(await site.PersonAsync(Roles.Trainee, teamId, language));
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");
        var localNow = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone);
        var start = DateOnly.FromDateTime(localNow.DateTime).AddDays(1);
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<Cohort>().Add(new Cohort
            {
                Id = id, Name = "Cohort " + id.ToString("N")[..6], Track = CohortTrack.Trainee, Status = CohortStatus.Open, Capacity = 100,
                StartDate = start, CadenceWeeks = cadenceWeeks, CadenceDay = start.DayOfWeek, ReleaseTime = new TimeOnly(8, 0), TimeZone = "Europe/Copenhagen", Language = language, CreatedUtc = now,
            });
            db.Set<CohortTrainer>().Add(new CohortTrainer { CohortId = id, UserId = trainer.Id });
            db.Set<CohortMember>().AddRange(people.Select(p => new CohortMember { CohortId = id, UserId = p.Id, Status = MemberStatus.Enrolled, EnrolledUtc = now, ChangedUtc = now }));
            await db.SaveChangesAsync();
        });
        var firstRelease = ScheduleRules.LocalToUtc(start.ToDateTime(new TimeOnly(8, 0)), zone);
        return new TestCohort(id, trainer, leader, teamId, people, firstRelease);
    }

    /// <summary>Moves the site's clock forward to <paramref name="utc"/> (never back).</summary>
    public static void MoveTo(this IClockedSite site, DateTime utc)
    {
        var target = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        if (target > site.Clock.GetUtcNow())
        {
            site.Clock.SetUtcNow(target);
        }
    }

    public static Task<DispatchResult> DispatchAsync(this SiteFactory site) =>
        site.WithScopeAsync((sp, _) => sp.GetRequiredService<Dispatcher>().RunAsync());

    public static Task<List<AssignmentWork>> WorkAsync(this SiteFactory site, Guid cohortId) =>
        site.WithScopeAsync((_, db) => db.Set<AssignmentWork>().AsNoTracking().Where(w => w.CohortId == cohortId).OrderBy(w => w.Id).ToListAsync());
}
