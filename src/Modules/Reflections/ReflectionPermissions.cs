using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Reflections;

public static class ReflectionPermissions
{
    /// <summary>Write and submit one's own reflections and practical logs.</summary>
    public const string Write = "Reflections.Write";

    /// <summary>Read and review submissions in the cohorts one runs. Not administrators: a reflection is private to its author and the cohort's trainers.</summary>
    public const string Review = "Reflections.Review";

    /// <summary>Move a cohort's assignment dates and give extensions (trainers: the cohorts they run; ViewAll: any).</summary>
    public const string Schedule = "Reflections.Schedule";

    /// <summary>Schedule any cohort, not only those one runs.</summary>
    public const string ScheduleAll = "Reflections.ScheduleAll";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Write, [Roles.Trainee, Roles.Leader]),
        new(Review, [Roles.Trainer]),
        new(Schedule, [Roles.Trainer, Roles.Administrator]),
        new(ScheduleAll, [Roles.Administrator]),
    ];
}
