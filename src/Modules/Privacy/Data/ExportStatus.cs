namespace ChangeAgentAcademy.Privacy.Data;

public enum ExportStatus
{
    Pending,
    Preparing,
    Ready,
    Failed,
}
