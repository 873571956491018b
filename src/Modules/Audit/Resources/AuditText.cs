namespace ChangeAgentAcademy.Audit.Resources;

public sealed class AuditText;
