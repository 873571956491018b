namespace ChangeAgentAcademy.Supervision.Data;

public enum GroupStatus
{
    Active,
    Ended,
}
