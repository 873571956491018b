namespace ChangeAgentAcademy.Outcomes.ViewModels;

/// <summary>
/// One group's numbers on /programme (a cohort, a team, the small teams together, or the whole programme); counts
/// only. <paramref name="Suppressed"/>: fewer than five people, so the numbers are not shown.
/// </summary>
public sealed record GroupRow(
    Guid? Id,
    string Name,
    int Enrolled,
    bool Suppressed,
    int LessonsPercent,
    int OnTime,
    int Late,
    int Overdue,
    int AcceptedFirst,
    int AcceptedSecond,
    int AcceptedLater,
    double? ReviewMedianHours,
    double? ReviewP90Hours,
    int SessionsAttended,
    int WorkshopsBooked,
    int WorkshopsAttended,
    int Complete,
    int Certificates);
