using ChangeAgentAcademy.Cohorts.Data;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

/// <summary>A cohort's page; <see cref="WaitingForReview"/> counts assignment work waiting for a trainer (shown when the Reflections module is on).</summary>
public sealed record CohortDetailsViewModel(
    Guid Id, string Name, string Language, CohortTrack Track, CohortStatus Status, DateOnly StartDate, int CadenceWeeks, DayOfWeek CadenceDay, TimeOnly ReleaseTime, string TimeZone,
    int Capacity, IReadOnlyList<string> Trainers, IReadOnlyList<MemberRow> Members, IReadOnlyList<CalendarRow> Calendar, bool CanManage, int WaitingForReview);
