using System.Data.Common;
using System.Text;

namespace DispatcherBench;

/// <summary>
/// Fast, untimed seeding on the context's own connection: one prepared multi-row INSERT reused for
/// every full chunk (SQLite: 1 row per statement; its cost per bound name grows with the statement, see
/// ParameterProbe; PostgreSQL: 200 rows per round trip). Values are converted to the representation EF
/// stores (SQLite: Guids as upper-case TEXT, like EF's Guid mapping; dates as Microsoft.Data.Sqlite writes them).
/// </summary>
public static class Seeder
{
    public static async Task<int> InsertAsync(DbConnection connection, DbTransaction transaction, bool sqlite, string table, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        var perStatement = sqlite ? 1 : 200;
        DbCommand? full = null;
        var inserted = 0;
        try
        {
            foreach (var chunk in rows.Chunk(perStatement))
            {
                DbCommand command;
                if (chunk.Length == perStatement)
                {
                    if (full is null)
                    {
                        full = Create(connection, transaction, table, columns, perStatement);
                        if (sqlite)
                        {
                            await full.PrepareAsync();
                        }
                    }

                    command = full;
                }
                else
                {
                    command = Create(connection, transaction, table, columns, chunk.Length);
                }

                var p = 0;
                foreach (var row in chunk)
                {
                    foreach (var value in row)
                    {
                        command.Parameters[p++].Value = Convert(value, sqlite) ?? DBNull.Value;
                    }
                }

                inserted += await command.ExecuteNonQueryAsync();
                if (command != full)
                {
                    await command.DisposeAsync();
                }
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }

        return inserted;
    }

    private static DbCommand Create(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<string> columns, int rows)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        var sql = new StringBuilder("INSERT INTO \"").Append(table).Append("\" (").Append(string.Join(", ", columns.Select(c => $"\"{c}\""))).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Count; c++)
            {
                var name = $"@v{(r * columns.Count) + c}";
                sql.Append(c == 0 ? "" : ", ").Append(name);
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }

            sql.Append(')');
        }

        command.CommandText = sql.ToString();
        return command;
    }

    private static object? Convert(object? value, bool sqlite) => value switch
    {
        Guid g when sqlite => g.ToString().ToUpperInvariant(),
        _ => value,
    };
}
