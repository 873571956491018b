namespace ChangeAgentAcademy.Reflections.Data;

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
