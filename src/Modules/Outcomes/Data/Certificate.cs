namespace ChangeAgentAcademy.Outcomes.Data;

/// <summary>
/// A certificate of completion: one per person and track (a unique index), with what it says frozen at issue
/// (the PDF is drawn from these fields on each download). Revoked ones stay, marked, so their code still verifies as revoked.
/// </summary>
public class Certificate
{
    public Guid Id { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>"trainee" or "leader".</summary>
    public string Track { get; set; } = "";

    /// <summary>The public verification code (printed and in the QR code).</summary>
    public string Code { get; set; } = "";

    public string PersonName { get; set; } = "";

    /// <summary>The language the certificate is written in: the person's, at issue.</summary>
    public string Language { get; set; } = "en";

    public Guid CohortId { get; set; }

    public string CohortName { get; set; } = "";

    public DateOnly CohortStart { get; set; }

    /// <summary>The trainer who signs: the cohort's first trainer, by name at issue.</summary>
    public string SignedBy { get; set; } = "";

    /// <summary>What was completed, as rule kinds with their numbers ("reflections:5;practicals:3;lessons:100").</summary>
    public string Completed { get; set; } = "";

    public DateTime IssuedUtc { get; set; }

    public DateTime? RevokedUtc { get; set; }

    public Guid? RevokedBy { get; set; }

    public string? RevokedReason { get; set; }
}
