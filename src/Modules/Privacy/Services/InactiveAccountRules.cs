namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// When an account counts as unused (<c>Privacy:Retention:InactiveAccounts</c>, months): created, last signed in and
/// last given a session all before the cutoff, no enrolment in a running cohort, not an administrator (staff accounts
/// are closed by hand, so the last administrator can never go). Holds are asked of the providers after this rule.
/// </summary>
public static class InactiveAccountRules
{
    /// <summary>The moment before which all of an account's activity must lie; null when the period is 0 (kept).</summary>
    public static DateTime? Cutoff(DateTime nowUtc, int months) => months > 0 ? nowUtc.AddMonths(-months) : null;

    /// <summary>
    /// The sign-ins are read from the audit, so the audit must be kept at least as long as the period (0 keeps it):
    /// otherwise a sign-in the audit has already forgotten would make an active person look unused, and nothing is erased.
    /// </summary>
    public static bool Applies(int inactiveMonths, int auditMonths) => inactiveMonths > 0 && (auditMonths == 0 || auditMonths >= inactiveMonths);

    public static bool IsInactive(DateTime nowUtc, int months, DateTime createdUtc, DateTime? lastSignInUtc, DateTime? lastSessionUtc, bool enrolled, bool administrator)
    {
        if (Cutoff(nowUtc, months) is not { } cutoff || enrolled || administrator)
        {
            return false;
        }

        var last = new[] { createdUtc, lastSignInUtc ?? DateTime.MinValue, lastSessionUtc ?? DateTime.MinValue }.Max();
        return last < cutoff;
    }
}
