using Microsoft.AspNetCore.Authorization;

namespace ChangeAgentAcademy.Security;

/// <summary>
/// A named capability with the roles that hold it by default (Moodle's capability archetypes,
/// Orchard's permission stereotypes). Configuration <c>Permissions:{Name}</c> may replace the roles.
/// </summary>
public sealed record Permission(string Name, IReadOnlyList<string> DefaultRoles)
{
    public const string PolicyPrefix = "perm:";
}

/// <summary>Requires a permission on a controller or action: <c>[RequirePermission(PeoplePermissions.Manage)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permission) => Policy = Permission.PolicyPrefix + permission;
}

public interface IPermissionService
{
    bool Has(System.Security.Claims.ClaimsPrincipal user, string permission);

    IReadOnlyCollection<string> RolesFor(string permission);
}

/// <summary>Permissions owned by the host itself.</summary>
public static class CorePermissions
{
    public const string ManageJobs = "Core.ManageJobs";

    public static readonly IReadOnlyList<Permission> All = [new(ManageJobs, [Roles.Administrator])];
}
