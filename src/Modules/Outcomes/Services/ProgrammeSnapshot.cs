using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// What /programme adds up, as fetched from the owning modules at <paramref name="TakenUtc"/>: open cohorts, their
/// enrolled members, each person's team, the facts and hand-ins (counts and times only), certificates and rules.
/// Held by <see cref="ProgrammeSnapshotCache"/> so that requests add it up in memory instead of querying again.
/// </summary>
public sealed record ProgrammeSnapshot(
    DateTime TakenUtc,
    IReadOnlyList<CohortCadence> Open,
    IReadOnlyList<(Guid CohortId, Guid PersonId)> Members,
    IReadOnlyDictionary<Guid, (Guid TeamId, string Name)> TeamOf,
    IReadOnlyDictionary<string, TrackTotals> Tracks,
    FactSet Facts,
    ILookup<Guid, HandIn> HandIns,
    IReadOnlySet<(Guid PersonId, string Track)> Certified,
    IReadOnlyDictionary<string, RuleSet> Rules);
