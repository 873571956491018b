using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Privacy.Services;

namespace ChangeAgentAcademy.Privacy.Jobs;

/// <summary>Deletes what is past its retention period, nightly.</summary>
public sealed class RetentionJob(RetentionService retention) : IRecurringJob
{
    public Task RunAsync(CancellationToken cancellationToken) => retention.RunAsync(dryRun: false, cancellationToken);
}
