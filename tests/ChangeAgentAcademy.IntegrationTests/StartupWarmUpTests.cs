using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// The start-up warm-ups (issue #18, the cold start): they run once the import steps are done (the demo is in the
/// database), and one that fails is logged while the others still run and the site serves; the curriculum's fills the
/// readers' snapshot of the current generation, as the first lesson page would. On SQLite and PostgreSQL.
/// </summary>
public abstract class StartupWarmUpTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IWarmUpProbeSite
{
    [Fact]
    public async Task WarmUps_RunAfterTheImport_AndOneFailingStopsNothing()
    {
        var demoThere = await site.Probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(demoThere, "warm-ups run after the import steps: the demo cohort is in the database");
        Assert.True(site.Probe.FailingRan, "the failing warm-up ran before the probe");
        // The site serves (a page, not /health: that also waits for the job server's first heartbeat).
        var page = await site.CreateClient().GetAsync("/account/signin");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task CatalogWarmUp_BuildsTheReadersSnapshotOfTheCurrentGeneration()
    {
        // On a new database the import steps have built a snapshot already (a restarted site's skipped import has not):
        // empty the cache first.
        await site.Probe.Ran.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var cached = await site.WithScopeAsync(async (sp, db) =>
        {
            var cache = (MemoryCache)sp.GetRequiredService<IMemoryCache>();
            cache.Compact(1.0);
            var warmUp = sp.GetServices<IStartupWarmUp>().Single(w => w.GetType() == typeof(CurriculumCatalog).Assembly.GetType("ChangeAgentAcademy.Curriculum.Services.CatalogWarmUp"));
            await warmUp.WarmUpAsync(CancellationToken.None);
            var generation = await db.Set<CurriculumGeneration>().Where(g => g.Id == 1).Select(g => g.Generation).FirstOrDefaultAsync();
            return cache.TryGetValue("curriculum:snapshot:" + generation, out CurriculumSnapshot? _);
        });

        Assert.True(cached, "the curriculum's warm-up built the readers' snapshot of the current generation");
    }
}

public interface IWarmUpProbeSite
{
    WarmUpProbe Probe { get; }
}

public sealed class WarmUpProbe
{
    /// <summary>Whether the demo cohort was in the database when the probe, the last warm-up, ran.</summary>
    public TaskCompletionSource<bool> Ran { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private volatile bool failingRan;

    public bool FailingRan { get => failingRan; set => failingRan = value; }

    /// <summary>A failing warm-up, then the probe, after the modules' own.</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton(this);
        services.AddTransient<IStartupWarmUp, FailingWarmUp>();
        services.AddTransient<IStartupWarmUp, ProbeWarmUp>();
    }
}

internal sealed class FailingWarmUp(WarmUpProbe probe) : IStartupWarmUp
{
    public Task WarmUpAsync(CancellationToken cancellationToken)
    {
        probe.FailingRan = true;
        throw new InvalidOperationException("a warm-up that fails");
    }
}

internal sealed class ProbeWarmUp(WarmUpProbe probe, DbContext db) : IStartupWarmUp
{
    public async Task WarmUpAsync(CancellationToken cancellationToken) =>
        probe.Ran.TrySetResult(await db.Set<Cohort>().AnyAsync(c => c.Id == DemoCohortStep.DemoCohortId, cancellationToken));
}

/// <summary>A site on a new database with a failing warm-up and the probe registered after the modules' own.</summary>
public sealed class WarmUpSqliteSite : SqliteSite, IWarmUpProbeSite
{
    public WarmUpProbe Probe { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => Probe.Register(services);
}

/// <summary>The same on PostgreSQL.</summary>
public sealed class WarmUpPostgresSite : PostgresSite, IWarmUpProbeSite
{
    public WarmUpProbe Probe { get; } = new();

    protected override void ConfigureTestServices(IServiceCollection services) => Probe.Register(services);
}

public sealed class SqliteStartupWarmUpTests(WarmUpSqliteSite site) : StartupWarmUpTests<WarmUpSqliteSite>(site);

public sealed class PostgresStartupWarmUpTests(WarmUpPostgresSite site) : StartupWarmUpTests<WarmUpPostgresSite>(site);
