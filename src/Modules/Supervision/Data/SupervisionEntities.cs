namespace ChangeAgentAcademy.Supervision.Data;

public enum GroupStatus
{
    Active,
    Ended,
}

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
}

public class GroupMember
{
    public Guid GroupId { get; set; }

    public Guid UserId { get; set; }

    public DateTime JoinedUtc { get; set; }

    /// <summary>Set when the member leaves (voluntary, no consequence for their progress).</summary>
    public DateTime? LeftUtc { get; set; }

    public int? AgreedContractVersion { get; set; }

    public DateTime? AgreedUtc { get; set; }
}

public enum SessionStatus
{
    Planned,
    Cancelled,
    Held,
}

public class SupervisionSession
{
    public long Id { get; set; }

    public Guid GroupId { get; set; }

    public DateTime StartsUtc { get; set; }

    public DateTime EndsUtc { get; set; }

    public SessionStatus Status { get; set; }

    /// <summary>Moved or added by the supervisor: regenerating the calendar leaves it alone.</summary>
    public bool Adjusted { get; set; }

    /// <summary>Notes from the session: only the group's members and its supervisor may read them.</summary>
    public string? NotesMarkdown { get; set; }

    public string? NotesHtml { get; set; }

    public Guid? NotesBy { get; set; }

    public DateTime? NotesUtc { get; set; }

    /// <summary>When the presenters were told (a week ahead): the notice's unique effect.</summary>
    public DateTime? PresentersNotifiedUtc { get; set; }
}

/// <summary>Who presents a case or dilemma at a session: proposed by the rotation, swappable by the supervisor.</summary>
public class SessionPresenter
{
    public long SessionId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>Set by the supervisor's swap rather than the rotation.</summary>
    public bool Swapped { get; set; }

    /// <summary>Did they present (recorded with attendance); a missed turn is owed back by the rotation.</summary>
    public bool? Presented { get; set; }
}

public class Attendance
{
    public long SessionId { get; set; }

    public Guid UserId { get; set; }

    public bool Present { get; set; }

    public DateTime RecordedUtc { get; set; }
}

/// <summary>One member's answers to the regular evaluation. Only aggregates are ever shown.</summary>
public class Evaluation
{
    public long Id { get; set; }

    public Guid GroupId { get; set; }

    /// <summary>The held session after which the evaluation was due.</summary>
    public long SessionId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>1-5: I get space to bring my cases.</summary>
    public int Space { get; set; }

    /// <summary>1-5: the frame (time, confidentiality) is kept.</summary>
    public int Frame { get; set; }

    /// <summary>1-5: the group helps my practice.</summary>
    public int Usefulness { get; set; }

    /// <summary>1-5: I feel safe to speak.</summary>
    public int Safety { get; set; }

    public string? Comment { get; set; }

    public DateTime CreatedUtc { get; set; }
}
