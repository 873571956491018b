namespace ChangeAgentAcademy.Outcomes.Data;

/// <summary>
/// A person's count against their track's rules as the issuing job last saw it (one row per person and track):
/// what leaders' and trainers' views show as "3 of 5 done" without gathering every module's facts per request.
/// Counts only. Written by <see cref="Services.CertificateService.IssueDueAsync"/>, kept when the cohort ends.
/// </summary>
public class CompletionProgress
{
    public Guid PersonId { get; set; }

    /// <summary>"trainee" or "leader".</summary>
    public string Track { get; set; } = "";

    /// <summary>Rules met.</summary>
    public int Done { get; set; }

    /// <summary>Rules that are on for the track.</summary>
    public int Rules { get; set; }

    public DateTime CountedUtc { get; set; }
}
