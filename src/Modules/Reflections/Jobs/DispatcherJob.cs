using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Services;
using Microsoft.Extensions.Logging;

namespace ChangeAgentAcademy.Reflections.Jobs;

/// <summary>Every minute: the schedule's releases, overdue marks, reminders and digests; then the mail goes out.</summary>
public sealed class DispatcherJob(Dispatcher dispatcher, IJobTrigger trigger, ILogger<DispatcherJob> logger) : IRecurringJob
{
    public const string Id = "reflections:dispatch";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await dispatcher.RunAsync(cancellationToken);
        if (result.Notices > 0)
        {
            logger.LogInformation("Dispatcher: {Released} released, {Reminders} reminders, {Overdue} overdue, {Digests} digests, {Notices} notices", result.Released, result.Reminders, result.Overdue, result.Digests, result.Notices);
            trigger.Trigger(JobIds.NotificationsOutbox);
        }
    }
}
