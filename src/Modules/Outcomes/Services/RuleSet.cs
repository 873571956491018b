namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>A track's completion rules as values (0 switches a threshold off).</summary>
public sealed record RuleSet(bool AllReflectionsAccepted, bool AllPracticalsHandedIn, int MinSupervisionSessions, int MinWorkshops, int LessonsPercent)
{
    /// <summary>Until an administrator saves rules: every reflection accepted, every practical handed in, every lesson read.</summary>
    public static RuleSet Default { get; } = new(true, true, 0, 0, 100);
}
