using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.People;

public static class PeoplePermissions
{
    public const string Manage = "People.Manage";

    public static readonly IReadOnlyList<Permission> All = [new(Manage, [Roles.Administrator])];
}
