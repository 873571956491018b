namespace ChangeAgentAcademy.Outcomes.Data;

/// <summary>
/// What completing a track takes, set by an administrator. A track without a saved row uses
/// <see cref="Services.RuleSet.Default"/>. A threshold of 0 switches that rule off.
/// </summary>
public class CompletionRule
{
    /// <summary>"trainee" or "leader".</summary>
    public string Track { get; set; } = "";

    public bool AllReflectionsAccepted { get; set; }

    public bool AllPracticalsHandedIn { get; set; }

    public int MinSupervisionSessions { get; set; }

    public int MinWorkshops { get; set; }

    /// <summary>Share of the track's lessons read, 0 to 100 (100: all).</summary>
    public int LessonsPercent { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public Guid? UpdatedBy { get; set; }
}
