namespace ChangeAgentAcademy.Modules;

/// <summary>A cohort's cadence: module k opens on the k-th cadence date (see <see cref="Time.CohortCalendar"/>).</summary>
public sealed record CohortCadence(
    Guid Id,
    string Name,
    string Track,
    string Language,
    DateOnly StartDate,
    int CadenceWeeks,
    DayOfWeek CadenceDay,
    TimeOnly ReleaseTime,
    string TimeZone,
    IReadOnlyList<Guid> Trainers);
