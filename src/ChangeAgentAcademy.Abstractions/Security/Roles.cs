namespace ChangeAgentAcademy.Security;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Trainer = "Trainer";
    public const string Leader = "Leader";
    public const string Trainee = "Trainee";

    /// <summary>An external supervisor of supervision groups: sees only their own groups.</summary>
    public const string Supervisor = "Supervisor";

    /// <summary>The data protection officer: reads the audit and the record of processing, erases people, runs retention.</summary>
    public const string DataProtectionOfficer = "DataProtectionOfficer";

    /// <summary>The person who runs the programme: sees its numbers across cohorts, never a person's text.</summary>
    public const string ProgrammeOwner = "ProgrammeOwner";

    public static readonly IReadOnlyList<string> All = [Administrator, Trainer, Leader, Trainee, Supervisor, DataProtectionOfficer, ProgrammeOwner];
}
