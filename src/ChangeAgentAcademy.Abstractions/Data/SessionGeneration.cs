namespace ChangeAgentAcademy.Data;

/// <summary>
/// One row, counted up on every revocation: each node keeps the sessions it has checked in memory and
/// forgets them all when the count moves, so a revoked session ends on every node within a second.
/// </summary>
public class SessionGeneration
{
    public int Id { get; set; }

    public long Generation { get; set; }
}
