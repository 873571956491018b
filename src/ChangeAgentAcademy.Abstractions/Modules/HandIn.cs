namespace ChangeAgentAcademy.Modules;

/// <summary>A person's first handed-in version of one assignment, and how long it waited for its first review (null: still waiting).</summary>
public sealed record HandIn(Guid PersonId, DateTime SubmittedUtc, double? FirstReviewHours);
