namespace ChangeAgentAcademy.Privacy.Data;

public enum ErasureStatus
{
    Waiting,
    Done,
    Withdrawn,
}
