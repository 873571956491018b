namespace ChangeAgentAcademy.Modules;

/// <summary>
/// Counts of assignment work, never its content: what leaders' and trainers' views may show. Answered by
/// the Reflections module (absent when it is switched off).
/// </summary>
public interface IAssignmentProgress
{
    /// <summary>Per person, counts over their released assignments (one query).</summary>
    Task<IReadOnlyDictionary<Guid, AssignmentCounts>> CountsAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default);

    /// <summary>Per cohort, how many submissions wait for a trainer's review (one query).</summary>
    Task<IReadOnlyDictionary<Guid, int>> WaitingForReviewAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken = default);

    /// <summary>The person's released assignments in one curriculum module, for the module page.</summary>
    Task<IReadOnlyList<AssignmentLink>> ForModuleAsync(Guid personId, string moduleId, CancellationToken cancellationToken = default);
}
