using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Services;
using Microsoft.Extensions.Logging;

namespace ChangeAgentAcademy.Reflections.Jobs;

/// <summary>Every hour: reminds trainers of hand-ins waiting for review longer than <c>Reflections:ReviewReminderDays</c>.</summary>
public sealed class ReviewReminderJob(ReviewReminderService reminders, IJobTrigger trigger, ILogger<ReviewReminderJob> logger) : IRecurringJob
{
    public const string Id = "reflections:review-reminders";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sent = await reminders.RunAsync(cancellationToken);
        if (sent > 0)
        {
            logger.LogInformation("Review reminders: {Sent} notices to trainers", sent);
            trigger.Trigger(JobIds.NotificationsOutbox);
        }
    }
}
