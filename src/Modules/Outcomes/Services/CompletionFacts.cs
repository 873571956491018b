using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// Gathers the facts the rules need for many people at once from the modules that own them: lessons read
/// (Curriculum), assignment outcomes (Reflections), supervision attendance and workshop places. One call to
/// each, whatever the number of people.
/// </summary>
public sealed class CompletionFacts(IProgrammeOutline outline, IAssignmentOutcomes assignments, ISupervisionAttendance supervision, IWorkshopAttendance workshops)
{
    /// <summary>Each track's totals (the curriculum is held in memory: no query per track once loaded).</summary>
    public async Task<IReadOnlyDictionary<string, TrackTotals>> TracksAsync(CancellationToken ct = default)
    {
        var result = new Dictionary<string, TrackTotals>();
        foreach (var track in CompletionRules.Tracks)
        {
            var modules = await outline.ModulesAsync(track, "en", ct);
            var items = await outline.AssignmentsAsync(track, ct);
            result[track] = new TrackTotals(modules.SelectMany(m => m.LessonKeys).Distinct().ToList(), items.Count(a => a.Kind == "reflection"), items.Count(a => a.Kind == "practical"));
        }

        return result;
    }

    /// <summary>
    /// One call to each owning module for all <paramref name="people"/>. Lessons are counted over every track's
    /// lessons at once (a person's count is capped at their track's total by the rules).
    /// </summary>
    public async Task<FactSet> FetchAsync(IReadOnlyCollection<Guid> people, IReadOnlyDictionary<string, TrackTotals> tracks, CancellationToken ct = default)
    {
        var keys = tracks.Values.SelectMany(t => t.Lessons).Distinct().ToList();
        return new FactSet(
            await outline.LessonsDoneAsync(people, keys, ct),
            await assignments.OutcomesAsync(people, ct),
            await supervision.SessionsAttendedAsync(people, ct),
            await workshops.BookedWorkshopsAsync(people, ct));
    }

    public async Task<IReadOnlyDictionary<Guid, PersonFacts>> ForPeopleAsync(string track, IReadOnlyCollection<Guid> people, CancellationToken ct = default)
    {
        var tracks = await TracksAsync(ct);
        var totals = tracks.GetValueOrDefault(track) ?? new TrackTotals([], 0, 0);
        var set = await FetchAsync(people, new Dictionary<string, TrackTotals> { [track] = totals }, ct);
        return people.Distinct().ToDictionary(p => p, p => set.For(p, totals));
    }
}
