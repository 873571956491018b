namespace ChangeAgentAcademy.Audit.ViewModels;

/// <summary>A choice in the action or module select.</summary>
public sealed record AuditOption(string Value, string Label);
