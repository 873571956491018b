namespace ChangeAgentAcademy.Outcomes.ViewModels;

/// <summary>One track's completion rules as the administrator edits them (also what they typed, on an error).</summary>
public sealed class RuleFormViewModel
{
    public string Track { get; set; } = "";

    public bool AllReflectionsAccepted { get; set; }

    public bool AllPracticalsHandedIn { get; set; }

    public int MinSupervisionSessions { get; set; }

    public int MinWorkshops { get; set; }

    public int LessonsPercent { get; set; }

    /// <summary>Saved by an administrator (else the defaults apply).</summary>
    public bool Saved { get; set; }

    /// <summary>Why the last save was refused, already localized; null when it was not.</summary>
    public string? Error { get; set; }
}
