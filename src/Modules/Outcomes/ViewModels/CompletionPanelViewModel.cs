namespace ChangeAgentAcademy.Outcomes.ViewModels;

/// <summary>The person's progress against their track's completion rules, and their certificate when issued.</summary>
public sealed record CompletionPanelViewModel(string Track, string CohortName, IReadOnlyList<RuleCheckRow> Checks, int Done, Guid? CertificateId, bool Revoked);
