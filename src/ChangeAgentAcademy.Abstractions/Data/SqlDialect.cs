using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// Which database a context runs on, for the few statements that differ between them. Set-based writes
/// go through <see cref="BulkInsert"/> (table and columns from the EF model); modules do not build SQL
/// for another module's tables.
/// </summary>
public sealed class SqlDialect
{
    private SqlDialect(SqlEngine engine) => Engine = engine;

    public SqlEngine Engine { get; }

    public static SqlDialect For(SqlEngine engine) => new(engine);

    public static SqlDialect Of(DbContext db)
    {
        var provider = db.Database.ProviderName ?? "";
        return new SqlDialect(
            provider.Contains("Sqlite", StringComparison.Ordinal) ? SqlEngine.Sqlite
            : provider.Contains("Npgsql", StringComparison.Ordinal) ? SqlEngine.Postgres
            : SqlEngine.SqlServer);
    }

    /// <summary>Whether INSERT … ON CONFLICT DO NOTHING exists (SQLite, PostgreSQL); SQL Server needs NOT EXISTS.</summary>
    public bool HasOnConflict => Engine != SqlEngine.SqlServer;
}
