using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.ViewModels;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// /programme's numbers as counted at <paramref name="TakenUtc"/>, already added up per group: the whole programme,
/// each open cohort, teams of five or more (the people in no team last when <paramref name="NoTeam"/>), teams under
/// five together, and each cohort's weekly hand-ins and first reviews. Counts and times only. Held by
/// <see cref="ProgrammeSnapshotCache"/> so that a request only orders, pages and names the rows.
/// </summary>
public sealed record ProgrammeSnapshot(
    DateTime TakenUtc,
    IReadOnlyList<CohortCadence> Open,
    GroupRow Total,
    IReadOnlyDictionary<Guid, GroupRow> Cohorts,
    IReadOnlyList<GroupRow> Teams,
    bool NoTeam,
    GroupRow? SmallTeams,
    int SmallTeamCount,
    IReadOnlyDictionary<Guid, (int[] HandIns, int[] Reviews)> Trend);
