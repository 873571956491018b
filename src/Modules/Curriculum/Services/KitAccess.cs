using System.Security.Claims;
using ChangeAgentAcademy.Security;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Who may read a kit document: its front matter names audiences (trainee, trainer, leader,
/// supervisor), each the role of the same name; administrators read everything. Checked on the server
/// for every page, so a trainee who types a guide's address gets the same 404 as for an unknown one.
/// </summary>
public static class KitAccess
{
    private static readonly (string Audience, string Role)[] Map =
    [
        ("trainee", Roles.Trainee),
        ("trainer", Roles.Trainer),
        ("leader", Roles.Leader),
        ("supervisor", Roles.Supervisor),
    ];

    public static IReadOnlySet<string> AudiencesOf(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator)
            ? ContentFile.Audiences.ToHashSet()
            : Map.Where(m => user.IsInRole(m.Role)).Select(m => m.Audience).ToHashSet();

    public static bool CanRead(KitItem item, IReadOnlySet<string> audiences) => item.Audience.Any(audiences.Contains);

    /// <summary>Reviewers (trainers, supervisors, administrators) also see a rubric's feedback guidance.</summary>
    public static bool IsReviewer(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Trainer) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator);
}
