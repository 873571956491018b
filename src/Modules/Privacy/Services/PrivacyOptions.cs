namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>Settings under <c>Privacy</c>: how long a prepared export is offered, and the retention periods in months.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Days a prepared export can be downloaded before it is deleted.</summary>
    public int ExportDays { get; set; } = 7;

    /// <summary>Prepare an export in the request that asks for it (the same code as the job's), so a small one is ready at once; the job picks up whatever is left.</summary>
    public bool ImmediateExport { get; set; } = true;

    /// <summary>
    /// Months each kind of data is kept (<c>Privacy:Retention:&lt;Key&gt;</c>); 0 keeps it. Reflections (with their
    /// versions, feedback and practical logs) count from the cohort's last due date, the others from their date.
    /// <c>InactiveAccounts</c> erases an account unused that long (see <see cref="InactiveAccountRules"/>); it needs
    /// <c>Audit</c> kept at least as long, since the last sign-in is read from the audit.
    /// </summary>
    public Dictionary<string, int> Retention { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Reflections"] = 24,
        ["Notices"] = 6,
        ["MailOutbox"] = 3,
        ["Audit"] = 24,
        ["InactiveAccounts"] = 24,
    };

    /// <summary>The periods as a retention pass takes them, in calendar months back from <paramref name="nowUtc"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> PeriodsAt(DateTime nowUtc) =>
        Retention.Where(r => r.Value > 0).ToDictionary(r => r.Key, r => nowUtc - nowUtc.AddMonths(-r.Value), StringComparer.Ordinal);
}
