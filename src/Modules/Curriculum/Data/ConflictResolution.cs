namespace ChangeAgentAcademy.Curriculum.Data;

public enum ConflictResolution
{
    KeptBrowserVersion,
    TookFileVersion,
}
