namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>A member as the rotation sees them. <paramref name="LeftUtc"/> set: they take no more turns.</summary>
public sealed record RotationMember(Guid UserId, DateTime JoinedUtc, DateTime? LeftUtc = null);
