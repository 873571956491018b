using ChangeAgentAcademy.Supervision.Data;

namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>What the signed-in person may do with one group: decided here, in one place, not in views.</summary>
public sealed record GroupAccess(SupervisionGroup Group, bool IsSupervisor, bool IsMember, bool CanManage)
{
    /// <summary>Notes, attendance and the session pages: only the current members and the supervisor.</summary>
    public bool IsInside => IsSupervisor || IsMember;

    /// <summary>The group page (calendar, members, contract): insiders and those who manage the group.</summary>
    public bool SeesGroup => IsInside || CanManage;

    /// <summary>Aggregated evaluations: the supervisor and administrators.</summary>
    public bool SeesAggregates => IsSupervisor || CanManage;
}
