namespace ChangeAgentAcademy.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Trainer = "Trainer";
    public const string Leader = "Leader";
    public const string Trainee = "Trainee";

    /// <summary>An external supervisor of supervision groups: sees only their own groups.</summary>
    public const string Supervisor = "Supervisor";

    public static readonly IReadOnlyList<string> All = [Administrator, Trainer, Leader, Trainee, Supervisor];
}
