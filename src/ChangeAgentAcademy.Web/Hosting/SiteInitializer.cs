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
/// Runs in <see cref="StartingAsync"/> so it finishes before the web server starts listening.
/// </summary>
internal sealed class SiteInitializer(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> database,
    IOptions<DemoOptions> demo,
    IWebHostEnvironment environment,
    ModuleCatalog catalog,
    ILogger<SiteInitializer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        if (database.Value.ShouldMigrateOnStart)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            throw new InvalidOperationException(
                "The database has pending migrations. Apply them with `dotnet ChangeAgentAcademy.Web.dll migrate` (or set Database:MigrateOnStart=true).");
        }

        // After the migration (the key table exists), before the server listens.
        SharedKeys.EnsureKey(services, services.GetRequiredService<TimeProvider>());

        var context = new ImportContext(demo.Value.Enabled == true, Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "content")));
        foreach (var step in services.GetServices<IImportStep>().OrderBy(s => s.Order))
        {
            await step.RunAsync(context, cancellationToken);
        }

        JobsServiceCollectionExtensions.SyncRecurringJobs(
            services.GetRequiredService<IRecurringJobManager>(),
            services.GetServices<RecurringJobDefinition>(),
            catalog.All.SelectMany(m => m.RecurringJobs));
        logger.LogInformation("Site ready: modules {Modules}, demo {Demo}", string.Join(", ", catalog.Enabled.Select(m => m.Id)), context.DemoMode);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
