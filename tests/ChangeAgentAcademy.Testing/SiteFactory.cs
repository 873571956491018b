using ChangeAgentAcademy.Data;
using Hangfire.Logging;
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

    protected override string ConnectionString => $"Data Source={Path.Combine(DataFolder, "academy.db")}";
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

    public override async Task InitializeAsync()
    {
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        await base.InitializeAsync();
    }

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
