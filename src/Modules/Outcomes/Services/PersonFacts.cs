namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// What one person has done in their track, gathered from the modules that own it (counts only), against the
/// track's totals. <paramref name="WorkshopEnds"/>: end times of the workshops they hold a place at.
/// </summary>
public sealed record PersonFacts(
    int LessonsRead,
    int LessonsTotal,
    int ReflectionsAccepted,
    int ReflectionsTotal,
    int PracticalsHandedIn,
    int PracticalsTotal,
    int SessionsAttended,
    IReadOnlyList<DateTime> WorkshopEnds);
