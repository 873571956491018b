namespace ChangeAgentAcademy.Supervision.Data;

public enum SessionStatus
{
    Planned,
    Cancelled,
    Held,
}
