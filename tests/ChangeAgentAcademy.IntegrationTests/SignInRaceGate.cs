using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Stages a race between two sign-ins deterministically: each flow that called <see cref="Enter"/> stops before the
/// first command whose text (without quotes: SQLite quotes every name, PostgreSQL only mixed-case ones) contains the
/// armed point; when both are there, the first goes on and the second waits
/// until the first has committed, then runs the command — as the loser of a real race does, having read "nobody yet"
/// before the winner committed. A flow alone at the point goes on after the patience given to <see cref="Arm"/>
/// (SQLite serialises writers from BEGIN, so there the second cannot get there while the first waits).
/// </summary>
public sealed class SignInRaceGate : DbCommandInterceptor, IDbTransactionInterceptor
{
    private static readonly AsyncLocal<bool> InRace = new();

    private readonly Lock sync = new();
    private string? point;
    private TimeSpan patience;
    private int arrived;
    private TaskCompletionSource both = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether both flows stood at the point together (the race was staged, not just run one after the other).</summary>
    public bool Met { get; private set; }

    /// <summary>Marks the calling flow (a Task.Run body) as one of the two racers.</summary>
    public static void Enter() => InRace.Value = true;

    public void Arm(string commandContains, TimeSpan patience)
    {
        lock (sync)
        {
            point = commandContains;
            this.patience = patience;
            arrived = 0;
            Met = false;
            both = new(TaskCreationOptions.RunContinuationsAsynchronously);
            committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Disarm()
    {
        lock (sync)
        {
            point = null;
        }
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await HoldAsync(command, cancellationToken);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await HoldAsync(command, cancellationToken);
        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (InRace.Value)
        {
            committed.TrySetResult();
        }

        return Task.CompletedTask;
    }

    private async Task HoldAsync(DbCommand command, CancellationToken cancellationToken)
    {
        int order;
        Task bothThere;
        Task firstCommitted;
        TimeSpan wait;
        lock (sync)
        {
            if (!InRace.Value || point is null || !command.CommandText.Replace("\"", string.Empty, StringComparison.Ordinal).Contains(point, StringComparison.Ordinal) || arrived >= 2)
            {
                return;
            }

            order = ++arrived;
            bothThere = both.Task;
            firstCommitted = committed.Task;
            wait = patience;
            if (order == 2)
            {
                Met = true;
                both.TrySetResult();
            }
        }

        if (order == 1)
        {
            await Task.WhenAny(bothThere, Task.Delay(wait, cancellationToken));
        }
        else
        {
            await Task.WhenAny(firstCommitted, Task.Delay(wait, cancellationToken));
        }
    }
}
