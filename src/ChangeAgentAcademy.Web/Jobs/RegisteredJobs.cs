using ChangeAgentAcademy.Modules;
using Hangfire;

namespace ChangeAgentAcademy.Web.Jobs;

/// <summary>The recurring jobs of the enabled modules.</summary>
public sealed class RegisteredJobs(IEnumerable<RecurringJobDefinition> definitions)
{
    public IReadOnlyDictionary<string, RecurringJobDefinition> ById { get; } = definitions.ToDictionary(d => d.Id, StringComparer.Ordinal);
}

internal sealed class HangfireJobTrigger(IBackgroundJobClient client, RegisteredJobs jobs) : IJobTrigger
{
    public void Trigger(string jobId)
    {
        if (jobs.ById.ContainsKey(jobId))
        {
            client.Enqueue<RecurringJobRunner>(r => r.RunAsync(jobId, CancellationToken.None));
        }
    }
}
