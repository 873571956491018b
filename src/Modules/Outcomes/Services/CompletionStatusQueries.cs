using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// <see cref="ICompletionStatus"/> for leaders' and trainers' views: the counts the issuing job saved, and whether a
/// certificate stands, for a set of people in one query. Counts and a yes/no only: no name, reason or text.
/// </summary>
public sealed class CompletionStatusQueries(DbContext db) : ICompletionStatus
{
    public async Task<IReadOnlyList<CompletionStatus>> ForPeopleAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default)
    {
        if (people.Count == 0)
        {
            return [];
        }

        var ids = people.Distinct().ToList();
        return await db.Set<CompletionProgress>().AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.PersonId))
            .Select(p => new CompletionStatus(p.PersonId, p.Track, p.Done, p.Rules,
                db.Set<Certificate>().Any(c => c.PersonId == p.PersonId && c.Track == p.Track && c.RevokedUtc == null), p.CountedUtc))
            .ToListAsync(cancellationToken);
    }
}
