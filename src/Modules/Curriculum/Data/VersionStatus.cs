namespace ChangeAgentAcademy.Curriculum.Data;

public enum VersionStatus
{
    Draft,
    Published,
    Superseded,
}
