namespace ChangeAgentAcademy.Security;

/// <summary>
/// A named capability with the roles that hold it by default (Moodle's capability archetypes,
/// Orchard's permission stereotypes). Configuration <c>Permissions:{Name}</c> may replace the roles.
/// </summary>
public sealed record Permission(string Name, IReadOnlyList<string> DefaultRoles)
{
    public const string PolicyPrefix = "perm:";
}
