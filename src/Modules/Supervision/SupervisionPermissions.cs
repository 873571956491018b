using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Supervision;

public static class SupervisionPermissions
{
    /// <summary>
    /// An external supervisor: sees only the groups they supervise. The host seeds roles from
    /// <see cref="Roles.All"/>, which does not list it yet; this module's start-up step creates it.
    /// </summary>
    public const string SupervisorRole = "Supervisor";

    /// <summary>See one's own groups (as a member or their supervisor). Data scope decides the rest.</summary>
    public const string View = "Supervision.View";

    /// <summary>Create groups (and manage the ones one created or supervises).</summary>
    public const string Create = "Supervision.Create";

    /// <summary>See and manage every group's frame: calendar, members, aggregated evaluations. Never notes.</summary>
    public const string ManageAll = "Supervision.ManageAll";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(View, [Roles.Trainee, Roles.Leader, Roles.Trainer, Roles.Administrator, SupervisorRole]),
        new(Create, [Roles.Administrator, Roles.Trainer]),
        new(ManageAll, [Roles.Administrator]),
    ];
}
