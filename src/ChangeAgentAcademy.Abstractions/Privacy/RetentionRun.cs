namespace ChangeAgentAcademy.Privacy;

/// <summary>
/// One retention pass. <paramref name="Periods"/> maps a retention key (e.g. "Reflections", "Notices",
/// "MailOutbox", "Audit", "InactiveAccounts") to its period; a key absent from it is kept.
/// </summary>
public sealed record RetentionRun(DateTime NowUtc, IReadOnlyDictionary<string, TimeSpan> Periods, bool DryRun);
