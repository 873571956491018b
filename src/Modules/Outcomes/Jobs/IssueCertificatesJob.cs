using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Services;
using Microsoft.Extensions.Logging;

namespace ChangeAgentAcademy.Outcomes.Jobs;

/// <summary>
/// Every 15 minutes, and at once after an administrator saves a track's rules or presses "issue now": counts everyone
/// in an open cohort against their rules (the leaders' and trainers' "3 of 5 done") and issues the certificates now due.
/// So a person who meets the rules has their certificate within 15 minutes while the job server runs.
/// </summary>
public sealed class IssueCertificatesJob(CertificateService certificates, IJobTrigger trigger, ILogger<IssueCertificatesJob> logger) : IRecurringJob
{
    public const string Id = JobIds.IssueCertificates;

    /// <summary>The stated time: every 15 minutes (UTC).</summary>
    public const string Cron = "*/15 * * * *";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var issued = await certificates.IssueDueAsync(cancellationToken);
        if (issued > 0)
        {
            logger.LogInformation("Issued {Count} certificates", issued);
            trigger.Trigger(JobIds.NotificationsOutbox);
        }
    }
}
