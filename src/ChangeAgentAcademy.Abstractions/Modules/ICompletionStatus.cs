namespace ChangeAgentAcademy.Modules;

/// <summary>
/// Each person's completion as status only ("3 of 5 done", certificate yes/no), for leaders' and trainers' views:
/// never any text. Answered by the Outcomes module from the counts its issuing job keeps (so a page pays one query,
/// whatever the number of people); nothing when Outcomes is switched off.
/// </summary>
public interface ICompletionStatus
{
    /// <summary>Per person and track, as counted at the last issuing run (one query for the whole set).</summary>
    Task<IReadOnlyList<CompletionStatus>> ForPeopleAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default);
}
