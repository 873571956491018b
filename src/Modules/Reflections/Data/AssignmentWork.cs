namespace ChangeAgentAcademy.Reflections.Data;

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
