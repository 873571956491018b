namespace ChangeAgentAcademy.Security;

/// <summary>Ends a person's signed-in sessions on every node (role change, lockout, erasure).</summary>
public interface ISessionRevoker
{
    /// <summary>Ends every session of the person, except <paramref name="keepSessionId"/> when given.</summary>
    Task RevokeAllAsync(Guid userId, string? keepSessionId = null, CancellationToken cancellationToken = default);
}
