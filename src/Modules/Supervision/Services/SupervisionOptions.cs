namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>Settings (section <c>Supervision</c>): the programme's norms for supervision groups.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>Fewer members than this is allowed with a warning.</summary>
    public int MinMembers { get; set; } = 5;

    /// <summary>More members than this is allowed with a warning.</summary>
    public int MaxMembers { get; set; } = 7;

    /// <summary>More members than this is refused.</summary>
    public int HardMaximum { get; set; } = 10;

    public int EveryWeeks { get; set; } = 2;

    public int DurationMinutes { get; set; } = 90;

    /// <summary>How long a new group meets (sessions are generated up to the day before start + this).</summary>
    public int DurationMonths { get; set; } = 12;

    public int PresentersPerSession { get; set; } = 1;

    public int EvaluateEvery { get; set; } = 6;

    /// <summary>Presenters are told this long before their session.</summary>
    public TimeSpan RemindBefore { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Roles whose holders may be chosen as members.</summary>
    public string[] MemberRoles { get; set; } = ["Trainee", "Leader"];

    /// <summary>Roles whose holders may be chosen as supervisor.</summary>
    public string[] SupervisorRoles { get; set; } = ["Trainer", SupervisionPermissions.SupervisorRole];
}
