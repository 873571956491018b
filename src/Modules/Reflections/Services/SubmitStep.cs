namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>What a hand-in did, for the pages that branch on it (the value of <see cref="WorkService.SubmitAsync"/>'s result).</summary>
public enum SubmitStep
{
    /// <summary>A new version was stored.</summary>
    Submitted,

    /// <summary>The same hand-in (its token) was stored before: nothing new.</summary>
    AlreadySubmitted,

    /// <summary>The text may hold citizen details: the draft was saved and the person is asked to confirm.</summary>
    NeedsConfirmation,

    /// <summary>The assignment is not released yet (a conflict, shown on a page of its own).</summary>
    NotReleased,
}
