namespace ChangeAgentAcademy.Workshops.Data;

public enum WorkshopStatus
{
    Open,
    Cancelled,
    Held,
}
