namespace ChangeAgentAcademy.Web.Data;

/// <summary>Section <c>Database</c>: which database, and whether the site migrates it on start.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty for SQLite means <c>App_Data/academy.db</c> under the site's content root.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Apply pending migrations at start. Default: on for the embedded SQLite site, off for PostgreSQL and
    /// SQL Server, where an operator runs <c>dotnet ChangeAgentAcademy.Web.dll migrate</c> instead.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    public bool ShouldMigrateOnStart => MigrateOnStart ?? Provider == DatabaseProvider.Sqlite;

    public bool IsEmbedded => Provider == DatabaseProvider.Sqlite;
}
