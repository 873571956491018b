namespace ChangeAgentAcademy.Curriculum.Data;

public enum VersionSource
{
    Import,
    Editor,
    Restore,
}
