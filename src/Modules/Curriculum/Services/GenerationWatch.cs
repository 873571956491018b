using ChangeAgentAcademy.Curriculum.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// The content generation this node last saw, and when. Overviews (team, cohort, schedule) read it
/// instead of asking the database, so their query count does not depend on how recently someone
/// looked; <see cref="GenerationRefresher"/> keeps it at most a second old. Ages use the monotonic
/// clock (<see cref="TimeProvider.GetTimestamp"/> of the system, not the programme clock tests move):
/// this is cache freshness, not programme time.
/// </summary>
public sealed class GenerationWatch(TimeProvider? monotonic = null)
{
    private readonly TimeProvider ticks = monotonic ?? TimeProvider.System;

    /// <summary>Older than this (the refresher has stopped, the database is away), overviews ask the database again.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private long generation;
    private long seenAt;
    private bool known;

    public bool TryGetFresh(out long value)
    {
        lock (gate)
        {
            value = generation;
            return known && ticks.GetElapsedTime(seenAt) < MaxAge;
        }
    }

    public void Saw(long value)
    {
        lock (gate)
        {
            generation = value;
            seenAt = ticks.GetTimestamp();
            known = true;
        }
    }

    internal static Task<long> ReadAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Set<CurriculumGeneration>().Where(g => g.Id == 1).Select(g => g.Generation).FirstOrDefaultAsync(cancellationToken);
}
