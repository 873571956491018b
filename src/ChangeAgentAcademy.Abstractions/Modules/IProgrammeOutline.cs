namespace ChangeAgentAcademy.Modules;

/// <summary>The programme's modules per track and who has read what, answered by the Curriculum module.</summary>
public interface IProgrammeOutline
{
    /// <summary>The modules of a track ("trainee" or "leader") in order, titled in <paramref name="language"/>.</summary>
    Task<IReadOnlyList<OutlineModule>> ModulesAsync(string track, string language, CancellationToken cancellationToken = default);

    /// <summary>For each person, how many of <paramref name="lessonKeys"/> they have marked done (one query).</summary>
    Task<IReadOnlyDictionary<Guid, int>> LessonsDoneAsync(IReadOnlyCollection<Guid> people, IReadOnlyCollection<string> lessonKeys, CancellationToken cancellationToken = default);

    /// <summary>The reflection and practical assignments of a track, with the 1-based position of their module in it.</summary>
    Task<IReadOnlyList<OutlineAssignment>> AssignmentsAsync(string track, CancellationToken cancellationToken = default);

    /// <summary>An assignment's published text in <paramref name="language"/> (or the default language), or null.</summary>
    Task<AssignmentText?> AssignmentTextAsync(string key, string language, CancellationToken cancellationToken = default);

    /// <summary>An assignment's rubric in <paramref name="language"/> (or the default language), or null when it has none.</summary>
    Task<OutlineRubric?> RubricAsync(string key, string language, CancellationToken cancellationToken = default);
}

/// <summary>A rubric: criteria whose <see cref="OutlineCriterion.Id"/> is the same in every language, each with three level descriptors.</summary>
public sealed record OutlineRubric(string Key, string Title, IReadOnlyList<OutlineCriterion> Criteria, string GuidanceHtml);

public sealed record OutlineCriterion(string Id, string Name, IReadOnlyList<string> Levels);

public sealed record OutlineModule(string Id, string Title, IReadOnlyList<string> LessonKeys);

/// <summary><paramref name="Kind"/> is "reflection" or "practical"; <paramref name="PracticalType"/> e.g. "pdsa".</summary>
public sealed record OutlineAssignment(string Key, string ModuleId, int ModuleNumber, string Kind, string? PracticalType, int DueOffsetDays);

public sealed record AssignmentText(string Key, string ModuleId, string ModuleTitle, string Title, string? Prompt, string InstructionsHtml, string Url);
