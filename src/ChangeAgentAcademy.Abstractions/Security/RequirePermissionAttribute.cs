using Microsoft.AspNetCore.Authorization;

namespace ChangeAgentAcademy.Security;

/// <summary>Requires a permission on a controller or action: <c>[RequirePermission(PeoplePermissions.Manage)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permission) => Policy = Permission.PolicyPrefix + permission;
}
