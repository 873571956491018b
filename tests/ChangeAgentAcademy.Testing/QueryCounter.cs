using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ChangeAgentAcademy.Testing;

/// <summary>Counts the database commands each request path issues (background jobs have no request and are not counted).</summary>
public sealed class QueryCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> counts = new();

    public int For(string path) => counts.GetValueOrDefault(path);

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> texts = new();

    /// <summary>The commands counted for a path, first line of each: for a budget test's failure message.</summary>
    public IReadOnlyList<string> TextsFor(string path) => texts.TryGetValue(path, out var queue) ? queue.ToList() : [];

    public void Reset()
    {
        counts.Clear();
        texts.Clear();
    }

    private void Count(DbCommand command)
    {
        if (accessor.HttpContext?.Request.Path.Value is { } path)
        {
            counts.AddOrUpdate(path, 1, (_, n) => n + 1);
            texts.GetOrAdd(path, _ => new ConcurrentQueue<string>()).Enqueue(command.CommandText.Replace('\n', ' ')[..Math.Min(160, command.CommandText.Length)]);
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }
}
