using ChangeAgentAcademy.Supervision.Services;

namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed class NewGroupViewModel
{
    public string? Name { get; set; }

    public Guid? SupervisorId { get; set; }

    public List<Guid> MemberIds { get; set; } = [];

    public DateOnly? StartDate { get; set; }

    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;

    public TimeOnly? StartTime { get; set; } = new(13, 0);

    public string? Place { get; set; }

    public IReadOnlyList<PersonRow> Supervisors { get; set; } = [];

    public IReadOnlyList<PersonRow> Candidates { get; set; } = [];

    public SupervisionOptions Options { get; set; } = new();
}
