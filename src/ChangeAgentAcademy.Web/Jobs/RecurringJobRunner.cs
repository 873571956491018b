using ChangeAgentAcademy.Modules;
using Hangfire;

namespace ChangeAgentAcademy.Web.Jobs;

/// <summary>
/// The one type Hangfire invokes: its argument is the job id only (no entities, no personal data),
/// the module's job is resolved in a fresh scope.
/// </summary>
public sealed class RecurringJobRunner(IServiceScopeFactory scopes, RegisteredJobs jobs)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task RunAsync(string jobId, CancellationToken cancellationToken)
    {
        // A job of a module that has been switched off may still be queued: skip it.
        if (!jobs.ById.TryGetValue(jobId, out var definition))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var job = (IRecurringJob)scope.ServiceProvider.GetRequiredService(definition.JobType);
        await job.RunAsync(cancellationToken);
    }
}
