namespace ChangeAgentAcademy.Security;

/// <summary>Permissions owned by the host itself.</summary>
public static class CorePermissions
{
    public const string ManageJobs = "Core.ManageJobs";

    public static readonly IReadOnlyList<Permission> All = [new(ManageJobs, [Roles.Administrator])];
}
