namespace ChangeAgentAcademy.Reflections.Data;

public enum AssignmentKind
{
    Reflection,
    Practical,
}

/// <summary>An assignment's dates for one cohort: computed from the cadence until a trainer moves them.</summary>
public class ScheduledAssignment
{
    public long Id { get; set; }

    public Guid CohortId { get; set; }

    /// <summary>The curriculum item, "{module}/{reflection|practical}".</summary>
    public string LessonKey { get; set; } = "";

    public string ModuleId { get; set; } = "";

    public int ModuleNumber { get; set; }

    public AssignmentKind Kind { get; set; }

    public DateTime ReleaseUtc { get; set; }

    public DateTime DueUtc { get; set; }

    /// <summary>Set once, by the dispatcher run that released it (the release's unique effect).</summary>
    public DateTime? ReleasedUtc { get; set; }

    /// <summary>A trainer moved the dates: cadence changes no longer recompute them.</summary>
    public bool DatesMoved { get; set; }

    public DateTime CreatedUtc { get; set; }
}

public enum WorkStatus
{
    /// <summary>Released, nothing submitted yet.</summary>
    Open,

    /// <summary>A version waits for a trainer.</summary>
    Submitted,

    /// <summary>The trainer asked for a revision.</summary>
    RevisionRequested,

    Accepted,
}

/// <summary>One trainee's work on one released assignment: the draft, the status and the personal due date.</summary>
public class AssignmentWork
{
    public long Id { get; set; }

    public long ScheduledId { get; set; }

    public Guid CohortId { get; set; }

    public Guid UserId { get; set; }

    public string LessonKey { get; set; } = "";

    /// <summary>The due date that applies to this trainee: the cohort's, or their extension.</summary>
    public DateTime DueUtc { get; set; }

    public bool HasExtension { get; set; }

    /// <summary>False when the trainee has left the cohort: no reminders, not counted.</summary>
    public bool Active { get; set; } = true;

    public WorkStatus Status { get; set; }

    /// <summary>When the dispatcher marked it overdue (due passed with nothing submitted).</summary>
    public DateTime? OverdueUtc { get; set; }

    public string? Draft { get; set; }

    public DateTime? DraftSavedUtc { get; set; }

    /// <summary>Number of submitted versions; a review is made against one of them.</summary>
    public int Versions { get; set; }

    public DateTime? LastSubmittedUtc { get; set; }

    public DateTime ReleasedUtc { get; set; }

    /// <summary>Optimistic concurrency: two submits or a submit and a review never both win.</summary>
    public int Revision { get; set; }
}

/// <summary>A submitted version: immutable once written.</summary>
public class Submission
{
    public long Id { get; set; }

    public long WorkId { get; set; }

    public int Number { get; set; }

    public string Text { get; set; } = "";

    public DateTime SubmittedUtc { get; set; }

    public bool Late { get; set; }

    /// <summary>How many possible citizen details the check found, and that the trainee chose to submit anyway.</summary>
    public int Findings { get; set; }

    public bool SubmittedDespiteWarning { get; set; }

    /// <summary>The form's one-time token: a double-clicked submit writes one version.</summary>
    public string SubmitToken { get; set; } = "";
}

public enum ReviewDecision
{
    Accepted,
    RevisionRequested,
}

public class Review
{
    public long Id { get; set; }

    public long WorkId { get; set; }

    public int VersionNumber { get; set; }

    public Guid TrainerId { get; set; }

    public ReviewDecision Decision { get; set; }

    public string FeedbackMarkdown { get; set; } = "";

    public string FeedbackHtml { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

public enum ReminderKind
{
    BeforeDue,
    AfterDue,
}

/// <summary>A reminder's unique effect: at most one per work and kind, whoever runs the dispatcher.</summary>
public class Reminder
{
    public long WorkId { get; set; }

    public ReminderKind Kind { get; set; }

    /// <summary>When the reminder was sent: its notice is written by the same statement.</summary>
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A trainer's digest of waiting reviews: one per trainer and period (the local date).</summary>
public class TrainerDigest
{
    public Guid TrainerId { get; set; }

    public DateOnly Period { get; set; }

    public int Waiting { get; set; }

    public DateTime CreatedUtc { get; set; }
}

/// <summary>
/// A person's secret calendar feed: only the SHA-256 of the token in the URL is stored (the token is shown
/// once, when it is made). Renewing replaces the hash, so the old URL stops working.
/// </summary>
public class CalendarFeed
{
    public Guid UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string TokenHash { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

/// <summary>Single row of dispatcher state (the membership stamp last synchronised).</summary>
public class DispatcherState
{
    public int Id { get; set; }

    public string MembershipStamp { get; set; } = "";

    public DateTime? LastRunUtc { get; set; }
}
