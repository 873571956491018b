using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Services;
using Microsoft.Extensions.Logging;

namespace ChangeAgentAcademy.Outcomes.Jobs;

/// <summary>Every 15 minutes (and on an administrator's "issue now"): certificates for everyone who has met their track's rules.</summary>
public sealed class IssueCertificatesJob(CertificateService certificates, IJobTrigger trigger, ILogger<IssueCertificatesJob> logger) : IRecurringJob
{
    public const string Id = "outcomes:issue-certificates";

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
