using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// A LINQ query as EF Core translates it (its SQL and parameters), to be run inside a statement EF cannot
/// write: <c>INSERT … SELECT</c>. The module that owns a table wraps the caller's typed query in its own
/// INSERT, so the rows go from table to table inside the database and the caller never sees the target's
/// table, while the owner never sees the caller's. Columns are taken by position: the owner projects the
/// query to the order it needs before calling <see cref="Of{T}"/>.
/// </summary>
public sealed class EmbeddedQuery
{
    private EmbeddedQuery(string sql, DbParameter[] parameters)
    {
        Sql = sql;
        Parameters = parameters;
    }

    /// <summary>The query's SQL, braces doubled so it can sit in a format string for ExecuteSqlRaw/SqlQueryRaw.</summary>
    public string Sql { get; }

    public IReadOnlyList<DbParameter> Parameters { get; }

    public static EmbeddedQuery Of<T>(IQueryable<T> query)
    {
        using var command = query.CreateDbCommand();
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        command.Parameters.Clear(); // a parameter belongs to one command at a time (Npgsql checks)
        return new EmbeddedQuery(command.CommandText.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), parameters);
    }

    /// <summary>The placeholder of the <paramref name="index"/>th value passed to <see cref="Arguments"/>.</summary>
    public string Value(int index) => "{" + (Parameters.Count + index) + "}";

    /// <summary>The arguments for ExecuteSqlRaw/SqlQueryRaw: the query's own parameters, then <paramref name="values"/>.</summary>
    public object[] Arguments(params object?[] values) => [.. Parameters, .. values.Select(v => v ?? DBNull.Value)];
}
