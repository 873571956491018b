namespace ChangeAgentAcademy.Modules;

/// <summary>The programme's modules per track and who has read what, answered by the Curriculum module.</summary>
public interface IProgrammeOutline
{
    /// <summary>The modules of a track ("trainee" or "leader") in order, titled in <paramref name="language"/>.</summary>
    Task<IReadOnlyList<OutlineModule>> ModulesAsync(string track, string language, CancellationToken cancellationToken = default);

    /// <summary>For each person, how many of <paramref name="lessonKeys"/> they have marked done (one query).</summary>
    Task<IReadOnlyDictionary<Guid, int>> LessonsDoneAsync(IReadOnlyCollection<Guid> people, IReadOnlyCollection<string> lessonKeys, CancellationToken cancellationToken = default);
}

public sealed record OutlineModule(string Id, string Title, IReadOnlyList<string> LessonKeys);
