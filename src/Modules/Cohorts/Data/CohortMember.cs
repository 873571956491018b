namespace ChangeAgentAcademy.Cohorts.Data;

public class CohortMember
{
    public Guid CohortId { get; set; }

    public Guid UserId { get; set; }

    public MemberStatus Status { get; set; }

    /// <summary>When the person joined the cohort or its waiting list: the waiting list's order.</summary>
    public DateTime EnrolledUtc { get; set; }

    public DateTime ChangedUtc { get; set; }

    public Guid? ChangedBy { get; set; }
}
