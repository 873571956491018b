using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Outcomes;

public static class OutcomesPermissions
{
    /// <summary>See one's own progress against the completion rules and download one's certificate (data scope: oneself).</summary>
    public const string Progress = "Outcomes.Progress";

    /// <summary>Edit the completion rules per track.</summary>
    public const string ManageRules = "Outcomes.ManageRules";

    /// <summary>See every certificate, issue now, revoke with a reason, download any certificate.</summary>
    public const string ManageCertificates = "Outcomes.ManageCertificates";

    /// <summary>The programme owner's numbers across cohorts and teams (never a person's text).</summary>
    public const string ViewProgramme = "Outcomes.ViewProgramme";

    public static readonly IReadOnlyList<Permission> All =
    [
        new(Progress, [Roles.Trainee, Roles.Leader]),
        new(ManageRules, [Roles.Administrator]),
        new(ManageCertificates, [Roles.Administrator]),
        new(ViewProgramme, [Roles.ProgrammeOwner, Roles.Administrator]),
    ];
}
