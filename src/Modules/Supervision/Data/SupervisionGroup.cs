namespace ChangeAgentAcademy.Supervision.Data;

/// <summary>A closed supervision group with its supervisor and its meeting rhythm.</summary>
public class SupervisionGroup
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public Guid SupervisorId { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>Last date sessions are generated for (default a year after the start).</summary>
    public DateOnly EndDate { get; set; }

    public int EveryWeeks { get; set; } = 2;

    public DayOfWeek Weekday { get; set; } = DayOfWeek.Thursday;

    public TimeOnly StartTime { get; set; } = new(13, 0);

    public int DurationMinutes { get; set; } = 90;

    public string TimeZone { get; set; } = "Europe/Copenhagen";

    public string? Place { get; set; }

    /// <summary>Presenters per session.</summary>
    public int PresentersPerSession { get; set; } = 1;

    /// <summary>Members answer an evaluation after every N held sessions.</summary>
    public int EvaluateEvery { get; set; } = 6;

    /// <summary>The group contract (Markdown), written together; each change bumps the version members agree to.</summary>
    public string Contract { get; set; } = "";

    public int ContractVersion { get; set; }

    public GroupStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Who created the group (a person with the create permission keeps seeing it); null before the column existed and no audit entry said.</summary>
    public Guid? CreatedBy { get; set; }
}
