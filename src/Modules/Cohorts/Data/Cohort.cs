namespace ChangeAgentAcademy.Cohorts.Data;

public enum CohortTrack
{
    Trainee,
    Leader,
}

public enum CohortStatus
{
    Open,
    Closed,
}

public enum MemberStatus
{
    Enrolled,
    Waitlisted,
    Withdrawn,
}

public class Cohort
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Language { get; set; } = "en";

    public CohortTrack Track { get; set; }

    public DateOnly StartDate { get; set; }

    /// <summary>One module every N weeks.</summary>
    public int CadenceWeeks { get; set; } = 2;

    public DayOfWeek CadenceDay { get; set; } = DayOfWeek.Tuesday;

    public TimeOnly ReleaseTime { get; set; } = new(8, 0);

    public string TimeZone { get; set; } = "Europe/Copenhagen";

    public int Capacity { get; set; } = 20;

    public CohortStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public class CohortTrainer
{
    public Guid CohortId { get; set; }

    public Guid UserId { get; set; }
}

public class CohortMember
{
    public Guid CohortId { get; set; }

    public Guid UserId { get; set; }

    public MemberStatus Status { get; set; }

    /// <summary>When the person joined the cohort or its waiting list: the waiting list's order.</summary>
    public DateTime EnrolledUtc { get; set; }

    public DateTime ChangedUtc { get; set; }

    public Guid? ChangedBy { get; set; }
}

public enum RequestStatus
{
    Pending,
    Approved,
    Declined,
}

/// <summary>A trainee asks for a place; their leader approves or declines with a message.</summary>
public class EnrolmentRequest
{
    public Guid Id { get; set; }

    public Guid CohortId { get; set; }

    public Guid UserId { get; set; }

    public RequestStatus Status { get; set; }

    public DateTime RequestedUtc { get; set; }

    public Guid? DecidedBy { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? Message { get; set; }
}
