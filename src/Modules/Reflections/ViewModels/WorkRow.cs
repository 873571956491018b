using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record WorkRow(long Id, string Title, string ModuleTitle, AssignmentKind Kind, string Status, DateTime ReleaseUtc, DateTime DueUtc, bool HasExtension, int Versions, bool HasDraft, DateTime? LastSubmittedUtc)
{
    /// <summary>The cohort's name when the work belongs to another cohort than the person's current one.</summary>
    public string? EarlierCohort { get; init; }
}
