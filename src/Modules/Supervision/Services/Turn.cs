namespace ChangeAgentAcademy.Supervision.Services;

/// <summary>A turn at a held session: <paramref name="Presented"/> false means the turn was missed (absent, or did not present).</summary>
public sealed record Turn(Guid UserId, bool Presented);
