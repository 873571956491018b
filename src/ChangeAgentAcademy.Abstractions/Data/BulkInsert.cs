using System.Text;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// Multi-row INSERTs that skip rows whose unique key already exists, on the context's connection and
/// current transaction. EF Core has no set-based insert; tracking 100,000 entities costs seconds and
/// hundreds of megabytes, a few hundred multi-row statements cost neither. Values are bound as
/// parameters through EF's type mappings, so Guids and dates are stored exactly as EF stores them.
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
        var sqlServer = provider.Contains("SqlServer", StringComparison.Ordinal);
        // Parameter limits: SQL Server 2,100 per statement; SQLite 32,766; PostgreSQL 65,535.
        var perStatement = Math.Max(1, (sqlServer ? 2000 : 30000) / columns.Count);
        perStatement = Math.Min(perStatement, 1000);
        var columnList = string.Join(", ", columns.Select(Quote));
        var inserted = 0;
        foreach (var chunk in rows.Chunk(perStatement))
        {
            var sql = new StringBuilder();
            var values = new object?[chunk.Length * columns.Count];
            var p = 0;
            if (sqlServer)
            {
                sql.Append("INSERT INTO ").Append(Quote(table)).Append(" (").Append(columnList).Append(") SELECT ").Append(columnList).Append(" FROM (VALUES ");
            }
            else
            {
                sql.Append("INSERT INTO ").Append(Quote(table)).Append(" (").Append(columnList).Append(") VALUES ");
            }

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

            if (sqlServer)
            {
                // SQL Server has no ON CONFLICT; the unique index still refuses a racing duplicate.
                sql.Append(") AS v (").Append(columnList).Append(") WHERE NOT EXISTS (SELECT 1 FROM ").Append(Quote(table)).Append(" t WHERE ")
                    .Append(string.Join(" AND ", conflictColumns.Select(k => $"t.{Quote(k)} = v.{Quote(k)}"))).Append(')');
            }
            else
            {
                sql.Append(" ON CONFLICT (").Append(string.Join(", ", conflictColumns.Select(Quote))).Append(") DO NOTHING");
            }

            inserted += await db.Database.ExecuteSqlRawAsync(sql.ToString(), values!, cancellationToken);
        }

        return inserted;
    }

    private static string Quote(string name) => "\"" + name + "\"";
}
