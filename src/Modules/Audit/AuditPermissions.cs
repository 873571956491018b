using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Audit;

public static class AuditPermissions
{
    /// <summary>Reads the audit (<c>/admin/audit</c>) and downloads it as CSV: administrators and the data protection officer.</summary>
    public const string View = "Audit.View";

    public static readonly IReadOnlyList<Permission> All = [new(View, [Roles.Administrator, Roles.DataProtectionOfficer])];
}
