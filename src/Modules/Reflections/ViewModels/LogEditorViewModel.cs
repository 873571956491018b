using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Reflections.Services;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record LogEditorViewModel(
    long Id,
    string Type,
    string Title,
    IReadOnlyDictionary<string, string> Fields,
    string? Follows,
    string? EventRef,
    IReadOnlyList<FilterOption> EarlierTests,
    IReadOnlyList<FilterOption> Events,
    IReadOnlyList<FilterOption> FollowedBy,
    long? WorkId,
    IReadOnlyList<LogProblem> Problems,
    string Token,
    string? Origin,
    IReadOnlyList<IReadOnlyList<TextSegmentRow>>? Findings,
    IReadOnlyList<CitizenDataKind> FindingKinds,
    string? AssignmentKey = null);
