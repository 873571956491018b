namespace ChangeAgentAcademy.Outcomes.ViewModels;

/// <summary>
/// The programme owner's view: the whole programme, each open cohort, a page of teams (teams under five people
/// only together, in <paramref name="SmallTeams"/>), and the weekly trend for all cohorts or one;
/// the numbers as of <paramref name="AsOfUtc"/> (held for up to <paramref name="MaxAge"/>; zero: counted for this request).
/// </summary>
public sealed record ProgrammeViewModel(
    GroupRow Total,
    IReadOnlyList<GroupRow> Cohorts,
    IReadOnlyList<GroupRow> Teams,
    GroupRow? SmallTeams,
    int SmallTeamCount,
    int TeamCount,
    int Page,
    int Pages,
    IReadOnlyList<TrendRow> Trend,
    bool TrendSuppressed,
    Guid? TrendCohort,
    string TrendName,
    IReadOnlyList<CohortOption> CohortOptions,
    DateTime AsOfUtc,
    TimeSpan MaxAge);
