namespace ChangeAgentAcademy.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Trainer = "Trainer";
    public const string Leader = "Leader";
    public const string Trainee = "Trainee";

    public static readonly IReadOnlyList<string> All = [Administrator, Trainer, Leader, Trainee];
}
