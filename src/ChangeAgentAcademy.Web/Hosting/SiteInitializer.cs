using System.Diagnostics;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Web.Data;
using ChangeAgentAcademy.Web.Demo;
using ChangeAgentAcademy.Web.Jobs;
using ChangeAgentAcademy.Web.Security;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Hosting;

/// <summary>
/// Before the server takes requests: migrate (when configured), run every module's import steps
/// (roles, demo data, content), and register the enabled modules' recurring jobs.
/// The work begins when the pipeline is set up (<see cref="Begin"/>, from <c>UseAcademy</c>) and <see cref="StartingAsync"/>
/// waits for it, so it finishes before the web server starts listening. Then the modules' warm-ups
/// (<see cref="IStartupWarmUp"/>) run beside the server's own start.
/// </summary>
internal sealed class SiteInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<DemoOptions> demo,
    IWebHostEnvironment environment,
    ModuleCatalog catalog,
    ILogger<SiteInitializer> logger) : IHostedLifecycleService, IDisposable
{
    /// <summary>
    /// PostgreSQL's advisory lock held while a node imports at start: ("impo" in ASCII, this database's oid). Advisory
    /// locks are the whole server's, so the database is part of the key: sites on other databases do not wait.
    /// </summary>
    private const int ImportLockKey = 0x696D706F;

    private const string ThisDatabase = "(SELECT oid::int FROM pg_database WHERE datname = current_database())";

    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private Task? running;
    private Task warmingUp = Task.CompletedTask;

    /// <summary>
    /// Starts the start-up work on the thread pool, once (issue #18: the cold start was one core's work on a two-core
    /// machine; the database work now overlaps the pipeline's and the endpoints' set-up on the main thread).
    /// </summary>
    public void Begin()
    {
        lock (gate)
        {
            running ??= Task.Run(() => RunAsync(stopping.Token));
        }
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        Begin();
        await using var cancel = cancellationToken.Register(stopping.Cancel);
        await running!;
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        using (var process = Process.GetCurrentProcess())
        {
            logger.LogInformation("Start-up: host built {Ms} ms after the process started", (int)(DateTime.Now - process.StartTime).TotalMilliseconds);
        }

        var started = Stopwatch.GetTimestamp();
        // The history table read (no table: none applied) against the assembly's list: on an up-to-date database, every
        // start but the first after an upgrade, Migrate() is skipped, with its migration lock and its comparison of the
        // model with the snapshot (MigrationTests.Migrations_MatchTheModel checks that at build time).
        // Nodes that both find migrations pending both migrate: EF's own migration lock puts them one after the other.
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
        if (pending && database.Value.ShouldMigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else if (pending)
        {
            throw new InvalidOperationException(
                "The database has pending migrations. Apply them with `dotnet ChangeAgentAcademy.Web.dll migrate` (or set Database:MigrateOnStart=true).");
        }

        logger.LogInformation("Start-up: migrations checked in {Ms} ms", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        // Nodes started at the same moment (after a reboot, or a test) import one after the other: the first imports,
        // the next finds the data there. The lock is the session's, held on this context's connection until the end.
        await ImportLockAsync(db, take: true, cancellationToken);
        try
        {
            await ImportAsync(services, cancellationToken);
        }
        finally
        {
            await ImportLockAsync(db, take: false, CancellationToken.None);
        }

        warmingUp = Task.Run(() => ModuleWarmUpsAsync(stopping.Token), CancellationToken.None);
    }

    private async Task ImportAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        // After the migration (the key table exists), before the server listens. (Beside the import steps it saved
        // nothing: both wait on the JIT for the same EF query pipeline.)
        var started = Stopwatch.GetTimestamp();
        SharedKeys.EnsureKey(services, services.GetRequiredService<TimeProvider>());
        logger.LogInformation("Start-up: key ring checked in {Ms} ms", (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        var context = new ImportContext(demo.Value.Enabled == true, Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "content")));
        started = Stopwatch.GetTimestamp();
        var steps = services.GetServices<IImportStep>().OrderBy(s => s.Order).ToList();
        logger.LogInformation("Start-up: {Count} import steps resolved in {Ms} ms", steps.Count, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        foreach (var step in steps)
        {
            var stepStarted = Stopwatch.GetTimestamp();
            await step.RunAsync(context, cancellationToken);
            logger.LogInformation("Start-up: {Step} in {Ms} ms", step.GetType().Name, (int)Stopwatch.GetElapsedTime(stepStarted).TotalMilliseconds);
        }

        JobsServiceCollectionExtensions.SyncRecurringJobs(
            services.GetRequiredService<IRecurringJobManager>(),
            services.GetServices<RecurringJobDefinition>(),
            catalog.All.SelectMany(m => m.RecurringJobs));
        logger.LogInformation("Site ready: modules {Modules}, demo {Demo}", string.Join(", ", catalog.Enabled.Select(m => m.Id)), context.DemoMode);
    }

    /// <summary>The modules' <see cref="IStartupWarmUp"/>s, one after another, beside the server's start; one that fails
    /// is logged and the next still runs.</summary>
    private async Task ModuleWarmUpsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var warmUp in scope.ServiceProvider.GetServices<IStartupWarmUp>())
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await warmUp.WarmUpAsync(cancellationToken);
                logger.LogInformation("Start-up: {WarmUp} in {Ms} ms", warmUp.GetType().Name, (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                return; // the host is stopping
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Start-up: {WarmUp} failed; the first request does its work instead", warmUp.GetType().Name);
            }
        }
    }

    /// <summary>Takes or releases the database-wide start-up lock (PostgreSQL, SQL Server; SQLite has one node).</summary>
    private static async Task ImportLockAsync(AppDbContext db, bool take, CancellationToken cancellationToken)
    {
        var engine = SqlDialect.Of(db).Engine;
        if (engine is not (SqlEngine.Postgres or SqlEngine.SqlServer))
        {
            return;
        }

        if (take)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var sql = (engine, take) switch
        {
            (SqlEngine.Postgres, true) => $"SELECT pg_advisory_lock({ImportLockKey}, {ThisDatabase})",
            (SqlEngine.Postgres, false) => $"SELECT pg_advisory_unlock({ImportLockKey}, {ThisDatabase})",
            (_, true) => "DECLARE @granted int; EXEC @granted = sp_getapplock @Resource = N'academy:import', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = -1; "
                + "IF @granted < 0 THROW 50000, 'academy:import lock not granted', 1;",
            _ => "EXEC sp_releaseapplock @Resource = N'academy:import', @LockOwner = 'Session';",
        };
        // Waiting for another node's import may take longer than a command's usual timeout.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        try
        {
            await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

        if (!take)
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The host stops: a warm-up still running is cancelled and waited for, so it never outlives the services.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await warmingUp;
    }

    public void Dispose() => stopping.Dispose();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
