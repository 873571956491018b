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
