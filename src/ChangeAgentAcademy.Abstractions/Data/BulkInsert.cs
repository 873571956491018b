using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// Inserts many rows, skipping those whose unique key already exists, on the context's connection and
/// current transaction. EF Core has no set-based insert, and tracking 100,000 entities costs seconds and
/// hundreds of megabytes; each provider gets the fastest plain statement it has.
/// </summary>
public static class BulkInsert
{
    public static async Task<int> InsertIgnoringConflictsAsync(
        this DbContext db,
        string table,
        IReadOnlyList<string> columns,
        IReadOnlyList<string> conflictColumns,
        IEnumerable<object?[]> rows,
        CancellationToken cancellationToken = default)
    {
        var provider = db.Database.ProviderName ?? "";
        if (provider.Contains("Sqlite", StringComparison.Ordinal))
        {
            return await SqliteAsync(db, table, columns, conflictColumns, rows, cancellationToken);
        }

        if (provider.Contains("Npgsql", StringComparison.Ordinal))
        {
            return await PostgresAsync(db, table, columns, conflictColumns, rows, cancellationToken);
        }

        return await ValuesAsync(db, table, columns, conflictColumns, rows, cancellationToken);
    }

    /// <summary>
    /// SQLite: one prepared single-row INSERT run once per row inside one transaction. Parsing a
    /// 1,000-row VALUES statement with 8,000 parameters cost SQLite far more than 1,000 prepared steps.
    /// Values are written the way EF Core's SQLite provider stores them (Guid as upper-case text, dates as
    /// "yyyy-MM-dd HH:mm:ss.FFFFFFF", booleans as 0/1).
    /// </summary>
    private static async Task<int> SqliteAsync(DbContext db, string table, IReadOnlyList<string> columns, IReadOnlyList<string> conflictColumns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var connection = db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"INSERT INTO {Quote(table)} ({string.Join(", ", columns.Select(Quote))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))}) ON CONFLICT ({string.Join(", ", conflictColumns.Select(Quote))}) DO NOTHING";
            var parameters = columns.Select((_, i) =>
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "$p" + i;
                command.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            var inserted = 0;
            foreach (var row in rows)
            {
                for (var c = 0; c < parameters.Length; c++)
                {
                    parameters[c].Value = SqliteValue(row[c]);
                }

                inserted += await command.ExecuteNonQueryAsync(cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
                await own.DisposeAsync();
            }

            return inserted;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static object SqliteValue(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g => g.ToString().ToUpperInvariant(),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => value,
    };

    /// <summary>PostgreSQL: one statement per 5,000 rows, each column sent as one typed array and unnested.</summary>
    private static async Task<int> PostgresAsync(DbContext db, string table, IReadOnlyList<string> columns, IReadOnlyList<string> conflictColumns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        var inserted = 0;
        var columnList = string.Join(", ", columns.Select(Quote));
        foreach (var chunk in rows.Chunk(5000))
        {
            var arrays = new object[columns.Count];
            for (var c = 0; c < columns.Count; c++)
            {
                var type = chunk.Select(r => r[c]?.GetType()).FirstOrDefault(t => t is not null) ?? typeof(string);
                var nullable = type.IsValueType && chunk.Any(r => r[c] is null);
                var array = Array.CreateInstance(nullable ? typeof(Nullable<>).MakeGenericType(type) : type, chunk.Length);
                for (var r = 0; r < chunk.Length; r++)
                {
                    array.SetValue(chunk[r][c], r);
                }

                arrays[c] = array;
            }

            var sql = $"INSERT INTO {Quote(table)} ({columnList}) SELECT * FROM unnest({string.Join(", ", columns.Select((_, i) => "{" + i + "}"))}) ON CONFLICT ({string.Join(", ", conflictColumns.Select(Quote))}) DO NOTHING";
            inserted += await db.Database.ExecuteSqlRawAsync(sql, arrays, cancellationToken);
        }

        return inserted;
    }

    private static async Task<int> ValuesAsync(DbContext db, string table, IReadOnlyList<string> columns, IReadOnlyList<string> conflictColumns, IEnumerable<object?[]> rows, CancellationToken cancellationToken)
    {
        // SQL Server: 2,100 parameters per statement, no ON CONFLICT; the unique index still refuses a racing duplicate.
        var perStatement = Math.Max(1, 2000 / columns.Count);
        var columnList = string.Join(", ", columns.Select(Quote));
        var inserted = 0;
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var sql = new StringBuilder();
            var values = new object?[chunk.Length * columns.Count];
            var p = 0;
            sql.Append("INSERT INTO ").Append(Quote(table)).Append(" (").Append(columnList).Append(") SELECT ").Append(columnList).Append(" FROM (VALUES ");
            for (var r = 0; r < chunk.Length; r++)
            {
                sql.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    values[p] = chunk[r][c];
                    sql.Append(c == 0 ? "" : ", ").Append('{').Append(p).Append('}');
                    p++;
                }

                sql.Append(')');
            }

            sql.Append(") AS v (").Append(columnList).Append(") WHERE NOT EXISTS (SELECT 1 FROM ").Append(Quote(table)).Append(" t WHERE ")
                .Append(string.Join(" AND ", conflictColumns.Select(k => $"t.{Quote(k)} = v.{Quote(k)}"))).Append(')');
            inserted += await db.Database.ExecuteSqlRawAsync(sql.ToString(), values!, cancellationToken);
        }

        return inserted;
    }

    private static string Quote(string name) => "\"" + name + "\"";
}
