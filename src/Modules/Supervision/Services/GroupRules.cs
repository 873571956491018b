namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>The programme's rules for a group's make-up, without a database.</summary>
public static class GroupRules
{
    public static SizeVerdict Size(int members, SupervisionOptions options) =>
        members < 1 || members > options.HardMaximum ? SizeVerdict.Refused
        : members < options.MinMembers || members > options.MaxMembers ? SizeVerdict.Warning
        : SizeVerdict.Ok;

    /// <summary>
    /// Why <paramref name="supervisor"/> may not supervise these members: "member" when they are one of
    /// them, "leader" when they lead a member's team; null when they may.
    /// </summary>
    public static string? SupervisorConflict(Guid supervisor, IEnumerable<Guid> members, IEnumerable<Guid?> membersTeamLeaders)
    {
        if (members.Contains(supervisor))
        {
            return "member";
        }

        return membersTeamLeaders.Contains(supervisor) ? "leader" : null;
    }
}
