using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record CohortDetails(
    Guid Id, string Name, string Language, CohortTrack Track, CohortStatus Status, DateOnly StartDate, int CadenceWeeks, DayOfWeek CadenceDay, TimeOnly ReleaseTime, string TimeZone,
    int Capacity, IReadOnlyList<string> Trainers, IReadOnlyList<MemberRow> Members, IReadOnlyList<CalendarRow> Calendar, bool CanManage);
