using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Services;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record Person(Guid Id, string Name);

public sealed record GroupRow(Guid Id, string Name, string Supervisor, int Members, DateTime? NextUtc, bool IsSupervisor, bool IsMember);

public sealed record GroupIndex(IReadOnlyList<GroupRow> Groups, bool CanCreate);

public sealed class GroupForm
{
    public string? Name { get; set; }

    public Guid? SupervisorId { get; set; }

    public List<Guid> MemberIds { get; set; } = [];

    public DateOnly? StartDate { get; set; }

    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;

    public TimeOnly? StartTime { get; set; } = new(13, 0);

    public string? Place { get; set; }

    public IReadOnlyList<Person> Supervisors { get; set; } = [];

    public IReadOnlyList<Person> Candidates { get; set; } = [];

    public SupervisionOptions Options { get; set; } = new();
}

public sealed record SessionRow(long Id, DateTime StartsUtc, DateTime EndsUtc, SessionStatus Status, bool Adjusted, IReadOnlyList<string> Presenters, bool HasNotes);

public sealed record MemberRow(Guid Id, string Name, bool AgreedCurrent, DateTime JoinedUtc);

public sealed record GroupPage(
    SupervisionGroup Group, GroupAccess Access, string Supervisor, string ContractHtml, IReadOnlyList<MemberRow> Members, IReadOnlyList<SessionRow> Upcoming, IReadOnlyList<SessionRow> Past,
    IReadOnlyList<Person> Addable, bool MeAgreed, bool EvaluationOpen, string? SizeWarning, string? NewSessionLocal = null, string? NewSessionError = null);

public sealed record ContractForm(Guid GroupId, string GroupName, int Version, string Contract);

public sealed record AttendanceRow(Guid Id, string Name, bool? Present, bool IsPresenter, bool? Presented);

public sealed record SessionPage(
    SupervisionGroup Group, GroupAccess Access, SupervisionSession Session, IReadOnlyList<AttendanceRow> People, IReadOnlyList<Person> Presenters, IReadOnlyList<Person> SwapCandidates,
    bool CanChange, string StartsLocal, string? NotesDraft = null, string? MoveLocal = null);

public sealed record EvaluationPage(SupervisionGroup Group, GroupAccess Access, long? OpenPoint, IReadOnlyList<EvaluationAggregate> Aggregates, EvaluationAnswers? Typed = null);
