namespace ChangeAgentAcademy.Security;

public interface IPermissionService
{
    bool Has(System.Security.Claims.ClaimsPrincipal user, string permission);

    IReadOnlyCollection<string> RolesFor(string permission);
}
