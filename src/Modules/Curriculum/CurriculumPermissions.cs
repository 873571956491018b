using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Curriculum;

public static class CurriculumPermissions
{
    /// <summary>Read the programme in the browser.</summary>
    public const string Read = "Curriculum.Read";

    /// <summary>Edit, publish and restore lessons; resolve import conflicts.</summary>
    public const string Edit = "Curriculum.Edit";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Read, Roles.All),
        new(Edit, [Roles.Administrator, Roles.Trainer]),
    ];
}
