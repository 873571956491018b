using ChangeAgentAcademy.Curriculum.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// The content generation this node last saw, and when. Overviews (team, cohort, schedule) and readers'
/// pages (lessons, modules, the programme, the kit) read it instead of asking the database, so their query
/// count does not depend on how recently someone looked; <see cref="GenerationRefresher"/> keeps it at most a
/// second old. A publish on this node is seen at once (<see cref="Published"/>); a publish on another node
/// within the refresher's second (at most <see cref="MaxAge"/>, after which readers ask the database). Ages use the monotonic
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
    private long publishedAt;
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
            // A poll that read the row just before this node's own publish committed must not take the page back.
            if (!(known && value < generation && ticks.GetElapsedTime(publishedAt) < MaxAge))
            {
                generation = value;
            }

            seenAt = ticks.GetTimestamp();
            known = true;
        }
    }

    /// <summary>This node has just committed a new generation (null: nothing was published): its readers see it from the next request.</summary>
    public void Published(long? value)
    {
        if (value is not { } published)
        {
            return;
        }

        lock (gate)
        {
            generation = known ? Math.Max(generation, published) : published;
            seenAt = publishedAt = ticks.GetTimestamp();
            known = true;
        }
    }

    internal static Task<long> ReadAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Set<CurriculumGeneration>().Where(g => g.Id == 1).Select(g => g.Generation).FirstOrDefaultAsync(cancellationToken);
}
