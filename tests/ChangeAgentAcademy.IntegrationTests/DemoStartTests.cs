using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Cold start (issue 18): on a database that already has the demo's hand-ins, the demo reflections step does not run
/// the dispatcher again (its job does, every minute). Proved with a trainee enrolled behind the dispatcher's back: the
/// step leaves them without work, the dispatcher itself gives them theirs. On SQLite and PostgreSQL.
/// </summary>
public abstract class DemoStartTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory
{
    [Fact]
    public async Task DemoReflectionStep_DemoAlreadyThere_LeavesTheDispatcherToItsJob()
    {
        var person = await site.PersonAsync(Roles.Trainee);
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<CohortMember>().Add(new CohortMember { CohortId = DemoCohortStep.DemoCohortId, UserId = person.Id, Status = MemberStatus.Enrolled, EnrolledUtc = DateTime.UtcNow, ChangedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        });

        await site.WithScopeAsync((sp, _) => sp.GetServices<IImportStep>().OfType<DemoReflectionStep>().Single().RunAsync(new ImportContext(true, ""), CancellationToken.None));
        var afterStep = await site.WithScopeAsync((_, db) => db.Set<AssignmentWork>().CountAsync(w => w.UserId == person.Id));
        await site.WithScopeAsync((sp, _) => sp.GetRequiredService<Dispatcher>().RunAsync());
        var afterDispatcher = await site.WithScopeAsync((_, db) => db.Set<AssignmentWork>().CountAsync(w => w.UserId == person.Id));

        Assert.Equal(0, afterStep);
        Assert.True(afterDispatcher > 0, "the dispatcher gives the new member the cohort's released work");
    }
}

/// <summary>A site on a new database without a job server, so no dispatcher job runs between the test's steps.</summary>
public sealed class NoJobsSqliteSite : SqliteSite
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Jobs:RunServer", "false")];
}

/// <summary>A site on a new database without a job server, so no dispatcher job runs between the test's steps.</summary>
public sealed class NoJobsPostgresSite : PostgresSite
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Jobs:RunServer", "false")];
}

public sealed class SqliteDemoStartTests(NoJobsSqliteSite site) : DemoStartTests<NoJobsSqliteSite>(site);

public sealed class PostgresDemoStartTests(NoJobsPostgresSite site) : DemoStartTests<NoJobsPostgresSite>(site);
