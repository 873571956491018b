using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// The few spellings that differ between the three databases, for the handful of set-based statements
/// EF Core cannot express (one INSERT … SELECT for 100,000 rows). Identifiers are double-quoted on all
/// three (SQL Server with QUOTED_IDENTIFIER on, its default).
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

    /// <summary>"MATERIALIZED " where a CTE can be told to be computed once (SQLite then indexes it for a join).</summary>
    public string Materialized => Engine == SqlEngine.SqlServer ? "" : "MATERIALIZED ";

    /// <summary>String concatenation of SQL expressions (numbers become their decimal text).</summary>
    public string Concat(params string[] parts) => Engine == SqlEngine.SqlServer
        ? $"CONCAT({string.Join(", ", parts)})"
        : string.Join(" || ", parts.Select(p => $"CAST({p} AS {(Engine == SqlEngine.Postgres ? "text" : "TEXT")})"));

    /// <summary>
    /// Guids for many rows of one statement that sort in the order of <paramref name="sequence"/> (an
    /// integer column unique within the statement): a random prefix made here, once per statement, and the
    /// sequence as the last 12 hex digits. New index entries then land side by side instead of all over the
    /// primary key (SQLite wrote 100,000 random text Guids in 0.7 s more than these). Stored the way EF
    /// Core stores Guids on this database (SQLite: upper-case text).
    /// </summary>
    public string SequentialGuid(string sequence)
    {
        var prefix = Guid.NewGuid().ToString("D").ToUpperInvariant()[..24]; // "XXXXXXXX-XXXX-4XXX-XXXX-": hex we made, safe to inline
        return Engine switch
        {
            SqlEngine.Sqlite => $"('{prefix}' || printf('%012X', {sequence}))",
            SqlEngine.Postgres => $"CAST('{prefix}' || lpad(to_hex({sequence}), 12, '0') AS uuid)",
            _ => $"CAST('{prefix}' + RIGHT(CONVERT(char(16), CONVERT(varbinary(8), CAST({sequence} AS bigint)), 2), 12) AS uniqueidentifier)",
        };
    }

    /// <summary>A UTC timestamp column as text to the minute, "yyyy-MM-dd HH:mm" (<see cref="MinuteFormat"/>).</summary>
    public string MinuteOf(string column) => Engine switch
    {
        SqlEngine.Sqlite => $"substr({column}, 1, 16)", // EF stores "yyyy-MM-dd HH:mm:ss.FFFFFFF"
        SqlEngine.Postgres => $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI')",
        _ => $"CONVERT(char(16), {column}, 120)",
    };

    public const string MinuteFormat = "yyyy-MM-dd HH:mm";

    /// <summary>Leftmost <paramref name="length"/> characters of a text expression.</summary>
    public string Left(string expression, int length) =>
        Engine == SqlEngine.SqlServer ? $"LEFT({expression}, {length})" : $"substr({expression}, 1, {length})";

    /// <summary>
    /// A row source over a JSON array of objects passed as one parameter (<paramref name="parameter"/>, e.g. "{6}"),
    /// with text columns named after the objects' properties: lets one statement join thousands of
    /// values computed in .NET without thousands of parameters.
    /// </summary>
    public string JsonRows(string parameter, params string[] columns) => Engine switch
    {
        SqlEngine.Sqlite => $"SELECT {string.Join(", ", columns.Select(c => $"json_extract(j.value, '$.{c}') AS {c}"))} FROM json_each({parameter}) AS j",
        SqlEngine.Postgres => $"SELECT * FROM json_to_recordset(CAST({parameter} AS json)) AS j({string.Join(", ", columns.Select(c => $"{c} text"))})",
        _ => $"SELECT * FROM OPENJSON({parameter}) WITH ({string.Join(", ", columns.Select(c => $"{c} nvarchar(4000) '$.{c}'"))})",
    };
}
