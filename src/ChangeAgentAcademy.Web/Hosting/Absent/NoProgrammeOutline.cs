using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.Hosting.Absent;

/// <summary>Curriculum switched off: no modules, lessons or assignments.</summary>
public sealed class NoProgrammeOutline : IProgrammeOutline
{
    public Task<IReadOnlyList<OutlineModule>> ModulesAsync(string track, string language, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<OutlineModule>>([]);

    public Task<IReadOnlyDictionary<Guid, int>> LessonsDoneAsync(IReadOnlyCollection<Guid> people, IReadOnlyCollection<string> lessonKeys, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, int>>(new Dictionary<Guid, int>());

    public Task<IReadOnlyList<OutlineAssignment>> AssignmentsAsync(string track, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<OutlineAssignment>>([]);

    public Task<AssignmentText?> AssignmentTextAsync(string key, string language, CancellationToken cancellationToken = default) => Task.FromResult<AssignmentText?>(null);

    public Task<OutlineRubric?> RubricAsync(string key, string language, CancellationToken cancellationToken = default) => Task.FromResult<OutlineRubric?>(null);
}
