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

    /// <summary>
    /// One person's facts for the start page's panel, asking only the modules whose facts <paramref name="rules"/>
    /// check (the default rules need no supervision or workshop count: two queries fewer, issue #18).
    /// </summary>
    public async Task<PersonFacts> ForPersonAsync(string track, Guid person, RuleSet rules, CancellationToken ct = default)
    {
        var tracks = await TracksAsync(ct);
        var totals = tracks.GetValueOrDefault(track) ?? new TrackTotals([], 0, 0);
        Guid[] people = [person];
        var set = new FactSet(
            rules.LessonsPercent > 0 ? await outline.LessonsDoneAsync(people, totals.Lessons, ct) : new Dictionary<Guid, int>(),
            rules.AllReflectionsAccepted || rules.AllPracticalsHandedIn ? await assignments.OutcomesAsync(people, ct) : new Dictionary<Guid, AssignmentOutcome>(),
            rules.MinSupervisionSessions > 0 ? await supervision.SessionsAttendedAsync(people, ct) : new Dictionary<Guid, int>(),
            rules.MinWorkshops > 0 ? await workshops.BookedWorkshopsAsync(people, ct) : new Dictionary<Guid, IReadOnlyList<DateTime>>());
        return set.For(person, totals);
    }

    public async Task<IReadOnlyDictionary<Guid, PersonFacts>> ForPeopleAsync(string track, IReadOnlyCollection<Guid> people, CancellationToken ct = default)
    {
        var tracks = await TracksAsync(ct);
        var totals = tracks.GetValueOrDefault(track) ?? new TrackTotals([], 0, 0);
        var set = await FetchAsync(people, new Dictionary<string, TrackTotals> { [track] = totals }, ct);
        return people.Distinct().ToDictionary(p => p, p => set.For(p, totals));
    }
}
