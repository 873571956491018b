using System.Collections.Concurrent;
using ChangeAgentAcademy.Data;
using Hangfire.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace ChangeAgentAcademy.Testing;

/// <summary>
/// The real site (Program) on a private database with the demo programme. Subclasses choose the
/// provider and may change settings; each instance has its own database and mail folder.
/// </summary>
public abstract class SiteFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    protected SiteFactory()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "caa-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
    }

    public string DataFolder { get; }

    public string MailFolder => Path.Combine(DataFolder, "mail");

    public abstract string Provider { get; }

    /// <summary>PBKDF2 iterations of the test sites, unless <see cref="ProductionHashing"/>.</summary>
    public const int TestHashIterations = 1000;

    /// <summary>True for a site that hashes passwords at the production cost (timing tests of sign-in).</summary>
    protected virtual bool ProductionHashing => false;

    public QueryCounter Queries => Services.GetRequiredService<QueryCounter>();

    protected abstract string ConnectionString { get; }

    /// <summary>The database this site uses, for a second node on the same database.</summary>
    public string DatabaseConnectionString => ConnectionString;

    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    protected virtual void ConfigureTestServices(IServiceCollection services) { }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = Provider,
            ["Database:ConnectionString"] = ConnectionString,
            ["Database:MigrateOnStart"] = "true",
            ["Demo:Enabled"] = "true",
            ["Mail:PickupFolder"] = MailFolder,
            ["Outcomes:ProgrammeSnapshotSeconds"] = "0", // tests change data between requests: /programme counts afresh each time
            ["Security:SignInAttemptsPerMinute"] = "10000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        };
        if (!ProductionHashing)
        {
            // PBKDF2 at the production 210,000 iterations costs ~0.1 s of processor per sign-in or new person,
            // a large share of the suite's processor time. Timing tests of sign-in use ProductionHashing; the
            // production count itself is a unit test (SecurityRuleTests).
            settings["Security:PasswordHashIterations"] = TestHashIterations.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in ExtraSettings())
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<QueryCounter>();
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(sp => sp.GetRequiredService<QueryCounter>());
            ConfigureTestServices(services);
            HangfireIsolation.Isolate(services);
        });
    }

    public virtual Task InitializeAsync()
    {
        // Starts the host: migrations, demo data and job registration run before the first request.
        _ = Server;
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        // Hangfire keeps a process-wide log provider bound to the disposed host's logger factory.
        LogProvider.SetCurrentLogProvider(null);
        await DropDatabaseAsync();
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>
    /// True when this site's database may start as a copy of one the same kind of site has already migrated
    /// and filled with the demo data (the start then finds nothing to migrate and the demo present, as a
    /// restarted site does). Only for sites whose settings and services do not change what the start writes:
    /// the plain <see cref="SqliteSite"/> and <see cref="PostgresSite"/>; a subclass may opt in.
    /// </summary>
    protected virtual bool StartsFromTemplate => GetType() == typeof(SqliteSite) || GetType() == typeof(PostgresSite);

    /// <summary>Set on the site that builds a template: it starts on an empty database and keeps it when disposed.</summary>
    private protected bool BuildsTemplate { get; init; }

    private static readonly ConcurrentDictionary<string, Lazy<Task<string>>> Templates = new();

    /// <summary>The template of <paramref name="provider"/>, built once per test process by <paramref name="build"/>.</summary>
    private protected static Task<string> TemplateAsync(string provider, Func<Task<string>> build) =>
        Templates.GetOrAdd(provider, _ => new Lazy<Task<string>>(build)).Value;

    /// <summary>Stops the site (its jobs and pollers) without dropping its database: the end of building a template.</summary>
    private protected async Task StopKeepingDatabaseAsync()
    {
        await DisposeAsync();
        LogProvider.SetCurrentLogProvider(null);
    }

    /// <summary>Runs code against the site's database and services in a fresh scope.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, AppDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithScopeAsync(Func<IServiceProvider, AppDbContext, Task> work) =>
        WithScopeAsync<bool>(async (sp, db) =>
        {
            await work(sp, db);
            return true;
        });
}

public class SqliteSite : SiteFactory
{
    public override string Provider => "Sqlite";

    private string DatabaseFile => Path.Combine(DataFolder, "academy.db");

    protected override string ConnectionString => $"Data Source={DatabaseFile}";

    public override async Task InitializeAsync()
    {
        await PrepareDatabaseAsync();
        await base.InitializeAsync();
    }

    /// <summary>
    /// Puts a copy of the template in this site's folder when it <see cref="SiteFactory.StartsFromTemplate"/>; a
    /// subclass that starts its host itself (the browser site on Kestrel) calls this first.
    /// </summary>
    protected async Task PrepareDatabaseAsync()
    {
        if (StartsFromTemplate && !BuildsTemplate)
        {
            var template = await TemplateAsync(Provider, async () =>
            {
                var builder = new SqliteSite { BuildsTemplate = true };
                await builder.InitializeAsync();
                await builder.StopKeepingDatabaseAsync();
                SqliteConnection.ClearAllPools();
                return builder.DatabaseFile;
            });
            foreach (var suffix in new[] { "", "-wal" }.Where(s => File.Exists(template + s)))
            {
                File.Copy(template + suffix, DatabaseFile + suffix);
            }
        }
    }
}

/// <summary>
/// A real PostgreSQL server: the test script starts a private cluster and sets CAA_TEST_PG (a
/// connection string to a maintenance database). Each factory creates and drops its own database.
/// </summary>
public class PostgresSite : SiteFactory
{
    private readonly string database = "caa_" + Guid.NewGuid().ToString("N")[..12];

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("CAA_TEST_PG")
        ?? throw new InvalidOperationException("CAA_TEST_PG is not set: run the tests through ./test.sh, which starts PostgreSQL.");

    public override string Provider => "PostgreSql";

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static readonly SemaphoreSlim CreateGate = new(1, 1);

    public override async Task InitializeAsync()
    {
        var create = $"CREATE DATABASE \"{database}\"";
        if (StartsFromTemplate && !BuildsTemplate)
        {
            var template = await TemplateAsync(Provider, async () =>
            {
                var builder = new PostgresSite { BuildsTemplate = true };
                await builder.InitializeAsync();
                await builder.StopKeepingDatabaseAsync();
                NpgsqlConnection.ClearAllPools();
                await builder.DropJobStorageAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplate(builder.database);
                return builder.database;
            });

            // A copy of the template needs it free of sessions (the template site's are closed above).
            create += $" TEMPLATE \"{template}\"";
        }

        // One at a time: PostgreSQL refuses to copy a template while another copy of it is being made.
        await CreateGate.WaitAsync();
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(create, connection);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            CreateGate.Release();
        }

        await base.InitializeAsync();
    }

    /// <summary>
    /// Drops the template's Hangfire schema: a copy then starts with empty job storage (recreated at start) as a
    /// site on a new database does, instead of inheriting the template's queued and overdue jobs, which ran at
    /// once on the copy and wrote mail in the middle of a test (89 outbox rows in FoundationTests' "no mail").
    /// </summary>
    private async Task DropJobStorageAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DROP SCHEMA IF EXISTS hangfire CASCADE", connection);
        await command.ExecuteNonQueryAsync();
        await connection.CloseAsync();
        NpgsqlConnection.ClearAllPools();
    }

    private static void DropTemplate(string name)
    {
        try
        {
            using var connection = new NpgsqlConnection(AdminConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
            command.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // Best effort at process exit: test.sh throws its cluster away anyway.
        }
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (BuildsTemplate)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
