using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Cohorts;

public static class CohortPermissions
{
    /// <summary>See and run cohorts: trainers their own, administrators all.</summary>
    public const string View = "Cohorts.View";

    /// <summary>See every cohort, not only those one runs.</summary>
    public const string ViewAll = "Cohorts.ViewAll";

    /// <summary>A leader's view of their own teams.</summary>
    public const string ViewTeam = "Cohorts.ViewTeam";

    /// <summary>Create and edit cohorts (trainers: the ones they run).</summary>
    public const string Manage = "Cohorts.Manage";

    /// <summary>Ask for a place in an open cohort, and withdraw.</summary>
    public const string Request = "Cohorts.Request";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(View, [Roles.Administrator, Roles.Trainer]),
        new(ViewAll, [Roles.Administrator]),
        new(ViewTeam, [Roles.Leader]),
        new(Manage, [Roles.Administrator, Roles.Trainer]),
        new(Request, [Roles.Trainee, Roles.Leader]),
    ];
}
