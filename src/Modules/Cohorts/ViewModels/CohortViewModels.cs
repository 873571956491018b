using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;
using System.ComponentModel.DataAnnotations;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;

namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record CohortRow(Guid Id, string Name, DateOnly StartDate, CohortTrack Track, CohortStatus Status, int Members, int Capacity);

public sealed record CalendarRow(ModuleRelease Release, string? ModuleTitle);

public sealed record CohortDetails(
    Guid Id, string Name, string Language, CohortTrack Track, CohortStatus Status, DateOnly StartDate, int CadenceWeeks, DayOfWeek CadenceDay, TimeOnly ReleaseTime, string TimeZone,
    int Capacity, IReadOnlyList<string> Trainers, IReadOnlyList<MemberRow> Members, IReadOnlyList<CalendarRow> Calendar, bool CanManage);

public sealed record MemberRow(Guid UserId, string Name, string? Team, MemberStatus Status, int LessonsDone, int LessonsTotal, ProgressStatus Progress, AssignmentCounts? Assignments = null);

public enum ProgressStatus
{
    NotStarted,
    OnTrack,
    Behind,
    Completed,
    Waitlisted,
    Overdue,
}

public sealed record TeamMemberRow(Guid UserId, string Name, string Email, Guid? CohortId, string? Cohort, DateOnly? CohortStart, MemberStatus? Membership, int LessonsDone, int LessonsTotal, ProgressStatus? Progress, AssignmentCounts? Assignments = null)
{
    public int Percent => LessonsTotal == 0 ? 0 : (int)Math.Round(100.0 * LessonsDone / LessonsTotal);
}

public sealed record TeamView(Guid Id, string Name, IReadOnlyList<TeamMemberRow> Members);

public sealed record PendingRequest(Guid Id, string Person, string Cohort, DateTime RequestedUtc);

public sealed record OpenCohort(Guid Id, string Name, DateOnly StartDate, CohortTrack Track, string Language, int PlacesLeft, int Waitlisted);

public sealed record TeamPageModel(IReadOnlyList<TeamView> Teams, IReadOnlyList<OpenCohort> OpenCohorts, IReadOnlyList<PendingRequest> Requests);

public sealed record MyPlace(Guid CohortId, string Cohort, MemberStatus Status, int? WaitlistPosition);

public sealed record MyRequest(string Cohort, RequestStatus Status, string? Message);

public sealed record EnrolPageModel(IReadOnlyList<OpenCohort> OpenCohorts, IReadOnlyList<MyPlace> Places, IReadOnlyList<MyRequest> Requests);

public sealed record CohortsPanelModel(IReadOnlyList<CohortRow> Running, CohortRow? Mine, IReadOnlyList<string> MyTrainers, int TeamMembers, bool IsLeader, bool SeesAll);

public sealed record TrainerOption(Guid Id, string Name);

public sealed class CohortFormViewModel
{
    public Guid? Id { get; set; }

    [Required(ErrorMessage = "Required")]
    [StringLength(200, ErrorMessage = "TooLong")]
    [Display(Name = "CohortName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Required")]
    [Display(Name = "Language")]
    public string? Language { get; set; } = "en";

    public CohortTrack Track { get; set; }

    [Required(ErrorMessage = "Required")]
    [Display(Name = "StartDate")]
    public DateOnly? StartDate { get; set; }

    [Range(1, 8, ErrorMessage = "CadenceRange")]
    [Display(Name = "CadenceWeeks")]
    public int CadenceWeeks { get; set; } = 2;

    public DayOfWeek CadenceDay { get; set; } = DayOfWeek.Tuesday;

    [Required(ErrorMessage = "Required")]
    [Display(Name = "ReleaseTime")]
    public TimeOnly? ReleaseTime { get; set; } = new(8, 0);

    [Required(ErrorMessage = "Required")]
    [StringLength(64, ErrorMessage = "TooLong")]
    [Display(Name = "TimeZone")]
    public string? TimeZone { get; set; } = "Europe/Copenhagen";

    [Range(1, 500, ErrorMessage = "CapacityRange")]
    [Display(Name = "Capacity")]
    public int Capacity { get; set; } = 20;

    public CohortStatus Status { get; set; }

    public List<Guid> TrainerIds { get; set; } = [];

    public IReadOnlyList<TrainerOption> Trainers { get; set; } = [];
}
