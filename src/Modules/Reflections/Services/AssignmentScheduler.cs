using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// Keeps one schedule row per open cohort and assignment: module k's assignments open at the cohort's
/// k-th cadence date and are due their offset in days later. Rows not yet released and not moved by a
/// trainer follow the cadence when it is edited; released or moved rows keep their dates.
/// </summary>
public sealed class AssignmentScheduler(DbContext db, ICohortDirectory cohorts, IProgrammeOutline outline, TimeProvider clock)
{
    public async Task<int> SyncAsync(CancellationToken cancellationToken = default)
    {
        var open = await cohorts.OpenCohortsAsync(cancellationToken);
        if (open.Count == 0)
        {
            return 0;
        }

        var ids = open.Select(c => c.Id).ToList();
        var existing = await db.Set<ScheduledAssignment>().Where(s => ids.Contains(s.CohortId)).ToListAsync(cancellationToken);
        var byKey = existing.ToDictionary(s => (s.CohortId, s.LessonKey));
        var now = clock.GetUtcNow().UtcDateTime;
        var changes = 0;
        var tracks = new Dictionary<string, (IReadOnlyList<OutlineAssignment> Assignments, int Modules)>();
        foreach (var cohort in open)
        {
            if (!tracks.TryGetValue(cohort.Track, out var track))
            {
                track = (await outline.AssignmentsAsync(cohort.Track, cancellationToken), (await outline.ModulesAsync(cohort.Track, cohort.Language, cancellationToken)).Count);
                tracks[cohort.Track] = track;
            }

            if (track.Assignments.Count == 0)
            {
                continue;
            }

            foreach (var (assignment, release, due) in Plan(cohort, track.Assignments, track.Modules))
            {
                if (!byKey.TryGetValue((cohort.Id, assignment.Key), out var row))
                {
                    db.Set<ScheduledAssignment>().Add(new ScheduledAssignment
                    {
                        CohortId = cohort.Id,
                        LessonKey = assignment.Key,
                        ModuleId = assignment.ModuleId,
                        ModuleNumber = assignment.ModuleNumber,
                        Kind = assignment.Kind == "practical" ? AssignmentKind.Practical : AssignmentKind.Reflection,
                        ReleaseUtc = release,
                        DueUtc = due,
                        CreatedUtc = now,
                    });
                    changes++;
                }
                else if (row.ReleasedUtc is null && !row.DatesMoved && (row.ReleaseUtc != release || row.DueUtc != due))
                {
                    row.ReleaseUtc = release;
                    row.DueUtc = due;
                    changes++;
                }
            }
        }

        if (changes > 0)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another dispatcher inserted the same rows a moment ago (unique cohort + assignment): theirs stand.
                db.ChangeTracker.Clear();
                return 0;
            }
        }

        return changes;
    }

    /// <summary>The release and due instant of each assignment of a cohort's track.</summary>
    public static IEnumerable<(OutlineAssignment Assignment, DateTime ReleaseUtc, DateTime DueUtc)> Plan(CohortCadence cohort, IReadOnlyList<OutlineAssignment> assignments, int modules)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cohort.TimeZone);
        var releases = CohortCalendar.Releases(cohort.StartDate, cohort.CadenceWeeks, cohort.CadenceDay, cohort.ReleaseTime, cohort.TimeZone, Math.Max(modules, assignments.Max(a => a.ModuleNumber)));
        foreach (var assignment in assignments)
        {
            var release = releases[assignment.ModuleNumber - 1].Utc;
            yield return (assignment, release, ScheduleRules.DueUtc(release, assignment.DueOffsetDays, zone));
        }
    }
}
