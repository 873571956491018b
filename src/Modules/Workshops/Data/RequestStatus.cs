namespace ChangeAgentAcademy.Workshops.Data;

public enum RequestStatus
{
    Pending,
    Scheduled,
    Declined,
}
