using System.Diagnostics;
using System.Text;
using ChangeAgentAcademy.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DispatcherBench;

/// <summary>
/// `DispatcherBench probe-sqlite|probe-postgres`: the cost of one multi-row INSERT as the number of
/// rows (and so bound parameters) per statement grows, written exactly as BulkInsert writes it
/// (ExecuteSqlRaw with {0}…{n} placeholders, 8 columns like notifications_inbox), into a scratch table.
/// A flat time per row means binding is linear; a time per row that grows with the statement means it is not.
/// </summary>
public static class ParameterProbe
{
    public static async Task RunAsync(IServiceProvider services, string label, int totalRows)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE probe (\"Id\" TEXT NOT NULL PRIMARY KEY, \"Key\" TEXT NOT NULL UNIQUE, \"UserId\" TEXT NOT NULL, \"Subject\" TEXT NOT NULL, \"Body\" TEXT NOT NULL, \"Url\" TEXT NULL, \"CreatedUtc\" TEXT NOT NULL, \"Mail\" TEXT NOT NULL)");
        string[] columns = ["Id", "Key", "UserId", "Subject", "Body", "Url", "CreatedUtc", "Mail"];
        foreach (var perStatement in new[] { 1000, 500, 250, 100, 50, 1000 })
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM probe");
            var rows = Enumerable.Range(0, totalRows).Select(i => new object?[]
            {
                Guid.NewGuid().ToString(), $"probe:{i}", Guid.NewGuid().ToString(), "Reminder: Reflection is due soon",
                "\"Reflection\" is due 3 Dec 2026 10:00. Your draft is saved as you write.", $"/reflections/{i}", DateTime.UtcNow.ToString("O"), "Pending",
            }).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var clock = Stopwatch.StartNew();
            foreach (var chunk in rows.Chunk(perStatement))
            {
                var sql = new StringBuilder("INSERT INTO probe (").Append(string.Join(", ", columns.Select(c => $"\"{c}\""))).Append(") VALUES ");
                var values = new object?[chunk.Length * columns.Length];
                var p = 0;
                for (var r = 0; r < chunk.Length; r++)
                {
                    sql.Append(r == 0 ? "(" : ", (");
                    for (var c = 0; c < columns.Length; c++)
                    {
                        values[p] = chunk[r][c];
                        sql.Append(c == 0 ? "" : ", ").Append('{').Append(p).Append('}');
                        p++;
                    }

                    sql.Append(')');
                }

                sql.Append(" ON CONFLICT (\"Key\") DO NOTHING");
                await db.Database.ExecuteSqlRawAsync(sql.ToString(), values!);
            }

            clock.Stop();
            await transaction.CommitAsync();
            Console.WriteLine($"{label}: {totalRows} rows, {perStatement,4} rows ({perStatement * columns.Length,5} parameters) per INSERT: {clock.Elapsed.TotalMilliseconds,7:0} ms, {clock.Elapsed.TotalMicroseconds / totalRows,6:0.0} µs per row");
        }

        // For comparison: one prepared statement re-executed (SQLite: a row each; PostgreSQL: 200 rows each), plain ADO.NET.
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM probe");
            var sqlite = label == "sqlite";
            var rows = Enumerable.Range(0, totalRows).Select(i => new object?[]
            {
                Guid.NewGuid().ToString(), $"probe:{i}", Guid.NewGuid().ToString(), "Reminder: Reflection is due soon",
                "\"Reflection\" is due 3 Dec 2026 10:00. Your draft is saved as you write.", $"/reflections/{i}", DateTime.UtcNow.ToString("O"), "Pending",
            }).ToList();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var clock = Stopwatch.StartNew();
            await Seeder.InsertAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), sqlite, "probe", columns, rows);
            clock.Stop();
            await transaction.CommitAsync();
            Console.WriteLine($"{label}: {totalRows} rows, one prepared {(sqlite ? "single-row" : "200-row")} INSERT re-executed (ADO.NET):  {clock.Elapsed.TotalMilliseconds,7:0} ms, {clock.Elapsed.TotalMicroseconds / totalRows,6:0.0} µs per row");
        }
    }
}
