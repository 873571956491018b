using System.Security.Claims;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// The permissions of the enabled modules and the roles that hold them. Defaults come from each
/// <see cref="Permission"/>; <c>Permissions:{Name}</c> (a list of roles) replaces them, e.g. to stop
/// trainers editing the curriculum. A permission of a switched-off module is held by nobody.
/// </summary>
public sealed class PermissionService : IPermissionService
{
    private readonly Dictionary<string, string[]> roles;

    public PermissionService(IEnumerable<Permission> permissions, IConfiguration configuration)
    {
        roles = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var p in permissions)
        {
            var configured = configuration.GetSection($"Permissions:{p.Name}").Get<string[]>();
            roles[p.Name] = configured ?? [.. p.DefaultRoles];
        }
    }

    public IReadOnlyCollection<string> Known => roles.Keys;

    public bool Has(ClaimsPrincipal user, string permission) =>
        user.Identity?.IsAuthenticated == true
        && roles.TryGetValue(permission, out var holders)
        && holders.Any(user.IsInRole);

    public IReadOnlyCollection<string> RolesFor(string permission) =>
        roles.TryGetValue(permission, out var holders) ? holders : [];
}

internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

internal sealed class PermissionHandler(IPermissionService permissions) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (permissions.Has(context.User, requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Turns policy names <c>perm:{Name}</c> into a permission requirement.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Permission.PolicyPrefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[Permission.PolicyPrefix.Length..]))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}
