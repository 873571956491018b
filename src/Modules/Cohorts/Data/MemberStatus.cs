namespace ChangeAgentAcademy.Cohorts.Data;

public enum MemberStatus
{
    Enrolled,
    Waitlisted,
    Withdrawn,
}
