using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// Reads one small value from the database once a second, in the background, for a per-node cache that must
/// follow changes made on other nodes (the content generation, the session revocation generation). A failed
/// read (database starting, migrating or away) is logged at debug level; the cache's own freshness limit
/// then sends its readers to the database.
/// </summary>
public abstract class GenerationPoller(IServiceScopeFactory scopes, ILogger logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>One indexed one-row read; hand the value to the cache.</summary>
    protected abstract Task PollAsync(DbContext db, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await PollAsync(scope.ServiceProvider.GetRequiredService<DbContext>(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogDebug(e, "Could not read {Poller}", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }
}
