using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Data;

/// <summary>
/// Runs a page's several queries on one open connection (issue #18): EF otherwise opens and closes the connection
/// around every query, and on SQLite taking it from the pool and giving it back was a tenth of /team's and /review's
/// CPU. The connection is closed again at the end, whatever happens; a connection that was already open stays open.
/// </summary>
public static class OneConnection
{
    public static async Task<T> OnOneConnectionAsync<T>(this DbContext db, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
