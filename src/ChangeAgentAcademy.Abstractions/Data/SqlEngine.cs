namespace ChangeAgentAcademy.Data;

public enum SqlEngine
{
    Sqlite,
    Postgres,
    SqlServer,
}
