namespace ChangeAgentAcademy.Modules;

/// <summary>What became of each person's assignment work, as counts and times (never text), answered by the Reflections module.</summary>
public interface IAssignmentOutcomes
{
    /// <summary>Per person, counts over their active assignment work (one query, whatever the number of people).</summary>
    Task<IReadOnlyDictionary<Guid, AssignmentOutcome>> OutcomesAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every first version the given people handed in: who, when, and how long it waited for its first review in
    /// hours (null while it waits). One query, whatever the number of people.
    /// </summary>
    Task<IReadOnlyList<HandIn>> HandInsAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default);
}
