namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>A session still to come. <paramref name="Fixed"/>: presenters already settled (swapped by the supervisor, or already told); null: the rotation proposes.</summary>
public sealed record UpcomingSession(long Id, DateTime StartsUtc, IReadOnlyList<Guid>? Fixed = null);
