namespace ChangeAgentAcademy.Modules;

/// <summary>
/// A person's completion of a track ("trainee", "leader"): <paramref name="Done"/> of <paramref name="Rules"/> rules met,
/// whether a certificate stands (issued and not revoked), and when it was counted.
/// </summary>
public sealed record CompletionStatus(Guid PersonId, string Track, int Done, int Rules, bool Certified, DateTime CountedUtc);
