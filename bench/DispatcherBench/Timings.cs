using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DispatcherBench;

public sealed record TimingRow(string Name, int Count, TimeSpan Total, long Rows, int MaxParameters);

/// <summary>
/// Database time per kind of statement while <see cref="Enabled"/>: EF's own durations (a query's time
/// runs from execution to the reader's disposal, so it includes reading and materialising its rows).
/// </summary>
public static class Timings
{
    private static readonly Dictionary<string, (int Count, TimeSpan Total, long Rows, int MaxParameters)> Rows = [];
    private static readonly List<string> Order = [];
    private static readonly Lock Gate = new();

    public static volatile bool Enabled;

    public static CommandTimer Commands { get; } = new();

    public static TransactionTimer Transactions { get; } = new();

    public static ConnectionTimer Connections { get; } = new();

    public static void Reset()
    {
        lock (Gate)
        {
            Rows.Clear();
            Order.Clear();
        }
    }

    public static IReadOnlyList<TimingRow> Snapshot()
    {
        lock (Gate)
        {
            return Order.Select(n => new TimingRow(n, Rows[n].Count, Rows[n].Total, Rows[n].Rows, Rows[n].MaxParameters)).ToList();
        }
    }

    internal static void Add(string name, TimeSpan duration, long rows = 0, int parameters = 0, string? sql = null)
    {
        if (!Enabled)
        {
            return;
        }

        lock (Gate)
        {
            if (!Rows.TryGetValue(name, out var row))
            {
                Order.Add(name);
            }

            if (row.Count == 0 && sql is not null && Environment.GetEnvironmentVariable("CAA_BENCH_SQL") is { Length: > 0 })
            {
                Console.WriteLine($"   [{name}] {(sql.Length > 2000 ? sql[..2000] + " …" : sql)}");
            }

            Rows[name] = (row.Count + 1, row.Total + duration, row.Rows + rows, Math.Max(row.MaxParameters, parameters));
        }
    }

    internal static string Classify(string sql)
    {
        // The first 400 characters name the statement (an INSERT of 1,000 notices is ~100 KB); Npgsql's SQL leaves lower-case names unquoted.
        var head = sql.AsSpan().TrimStart();
        var text = head[..Math.Min(head.Length, 400)].ToString().Replace("\"", "", StringComparison.Ordinal);
        if (text.StartsWith("SELECT DISTINCT", StringComparison.Ordinal))
        {
            return "1: SELECT DISTINCT texts needed (per kind)";
        }

        if (text.StartsWith("WITH", StringComparison.Ordinal))
        {
            // The reminders-and-notices statement: PostgreSQL writes both in one; SQLite in two.
            var all = sql.Replace("\"", "", StringComparison.Ordinal);
            var body = all.Contains("RETURNING", StringComparison.Ordinal) ? "reminders and notices"
                : all.Contains("INSERT INTO notifications_inbox", StringComparison.Ordinal) ? "notices" : "reminders";
            return $"2: WITH texts ... INSERT {body} (per kind)";
        }

        if (text.Contains("curriculum", StringComparison.OrdinalIgnoreCase))
        {
            return "assignment title lookups (curriculum)";
        }

        var line = text.Split('\n')[0];
        return "other: " + (line.Length > 45 ? line[..45] : line);
    }
}

public sealed class CommandTimer : DbCommandInterceptor
{
    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Timings.Add(Timings.Classify(command.CommandText), eventData.Duration, result, command.Parameters.Count, command.CommandText);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Timings.Add(Timings.Classify(command.CommandText), eventData.Duration, result, command.Parameters.Count, command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Timings.Add(Timings.Classify(command.CommandText), eventData.Duration, 0, command.Parameters.Count, command.CommandText);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Timings.Add(Timings.Classify(command.CommandText), eventData.Duration, 0, command.Parameters.Count, command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Timings.Add(Timings.Classify(command.CommandText), eventData.Duration, Math.Max(0, eventData.ReadCount - 1), command.Parameters.Count, command.CommandText); // the last Read() returns false
        return result;
    }
}

public sealed class TransactionTimer : DbTransactionInterceptor
{
    public override ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        Timings.Add("transactions: BEGIN", eventData.Duration);
        return ValueTask.FromResult(result);
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Timings.Add("transactions: COMMIT", eventData.Duration);
        return Task.CompletedTask;
    }
}

public sealed class ConnectionTimer : DbConnectionInterceptor
{
    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Timings.Add("connections: open", eventData.Duration);
        return Task.CompletedTask;
    }
}
