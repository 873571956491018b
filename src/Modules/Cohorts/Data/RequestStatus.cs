namespace ChangeAgentAcademy.Cohorts.Data;

public enum RequestStatus
{
    Pending,
    Approved,
    Declined,
}
