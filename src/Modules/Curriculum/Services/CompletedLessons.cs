using System.Runtime.CompilerServices;
using ChangeAgentAcademy.Curriculum.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Scoped (one request): the keys of every lesson a person has marked done, read once per request. The start page's
/// learn panel and the completion panel's lesson count (through <see cref="ProgrammeOutline.LessonsDoneAsync"/>) both
/// need them; the database is asked once (issue #18). <see cref="CompletionService"/> forgets a person it changed.
/// </summary>
public sealed class CompletedLessons(DbContext db)
{
    /// <summary>
    /// A few dozen keys at most, read by their key (person first) in one compiled query, which spares EF's per-call
    /// expression work on every reader's page. A compiled query keeps the first model it ran with, so there is one
    /// per model (a process with sites on two databases, as the tests have, must not run SQLite's query on PostgreSQL).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<DbContext, Guid, IAsyncEnumerable<string>>> CompletedBy = new();

    private readonly Dictionary<Guid, HashSet<string>> known = [];

    /// <summary>The person's completed lesson keys; callers must not change the set.</summary>
    public async Task<IReadOnlySet<string>> OfAsync(Guid person, CancellationToken cancellationToken = default)
    {
        if (known.TryGetValue(person, out var done))
        {
            return done;
        }

        var query = CompletedBy.GetValue(db.Model, static _ =>
            EF.CompileAsyncQuery((DbContext context, Guid person) => context.Set<LessonCompletion>().Where(c => c.UserId == person).Select(c => c.LessonKey)));
        done = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in query(db, person).WithCancellation(cancellationToken))
        {
            done.Add(key);
        }

        known[person] = done;
        return done;
    }

    public void Forget(Guid person) => known.Remove(person);
}
