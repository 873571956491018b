using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Privacy;

public static class PrivacyPermissions
{
    /// <summary>Download one's own data and ask to be erased: everyone signed in.</summary>
    public const string OwnData = "Privacy.OwnData";

    /// <summary>Erase anyone, export anyone's data, read retention and the record of processing.</summary>
    public const string Officer = "Privacy.Officer";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(OwnData, Roles.All),
        new(Officer, [Roles.DataProtectionOfficer, Roles.Administrator]),
    ];
}
