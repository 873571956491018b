using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Web.Data;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;

namespace ChangeAgentAcademy.Web.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Hangfire with storage that matches the database: in memory for the embedded single-node site
    /// (the application database holds every schedule, so nothing is lost on restart), PostgreSQL or
    /// SQL Server otherwise.
    /// </summary>
    public static IServiceCollection AddAcademyJobs(this IServiceCollection services, DatabaseOptions database, string connectionString, JobsOptions jobs)
    {
        if (database.Provider == DatabaseProvider.Sqlite && jobs.Nodes > 1)
        {
            throw new InvalidOperationException(
                $"Jobs:Nodes is {jobs.Nodes}, but the embedded SQLite site keeps background jobs in memory, which one node cannot share with another. " +
                "Run several nodes on PostgreSQL or SQL Server (Database:Provider), or set Jobs:Nodes to 1.");
        }

        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            switch (database.Provider)
            {
                case DatabaseProvider.PostgreSql:
                    config.UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                case DatabaseProvider.SqlServer:
                    config.UseSqlServerStorage(connectionString, new SqlServerStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
                    break;
                default:
                    config.UseInMemoryStorage();
                    break;
            }
        });

        if (jobs.RunServer)
        {
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = jobs.WorkerCount;
                o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            });
        }

        services.AddSingleton<RegisteredJobs>();
        services.AddTransient<RecurringJobRunner>();
        services.AddTransient<IJobTrigger, HangfireJobTrigger>();
        return services;
    }

    /// <summary>Adds or updates the enabled modules' recurring jobs and removes those of switched-off modules.</summary>
    public static void SyncRecurringJobs(IRecurringJobManager manager, IEnumerable<RecurringJobDefinition> enabled, IEnumerable<RecurringJobDefinition> all)
    {
        var on = enabled.ToList();
        foreach (var job in all.Where(j => on.All(e => e.Id != j.Id)))
        {
            manager.RemoveIfExists(job.Id);
        }

        foreach (var job in on)
        {
            var id = job.Id;
            manager.AddOrUpdate<RecurringJobRunner>(id, r => r.RunAsync(id, CancellationToken.None), job.Cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
    }
}
