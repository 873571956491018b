namespace ChangeAgentAcademy.Audit.ViewModels;

/// <summary>One audit entry as shown: who, what (localized when a description exists), about what, when (local).</summary>
public sealed record AuditRow(long Id, string When, string Who, string ActionId, string What, string Subject, string? Details);
