using System.Collections.Concurrent;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>
/// The sessions this node has checked, and the revocation generation it last saw. A session checked at the
/// current generation is believed without asking the database, so a page costs no extra query; when any
/// session anywhere is revoked the generation moves (<see cref="SessionStore"/>) and every node forgets what it
/// had checked within <see cref="SessionRefresher.Interval"/>. If the generation has not been read for
/// <see cref="MaxAge"/> (refresher stopped, database away), every request asks the database.
/// Ages use the monotonic clock: this is cache freshness, not programme time.
/// </summary>
public sealed class SessionCache(TimeProvider? monotonic = null)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    /// <summary>More checked sessions than this and the node starts over (one query per active session).</summary>
    public const int MaxEntries = 100_000;

    private readonly TimeProvider ticks = monotonic ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Checked> sessions = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long generation;
    private long seenAt;
    private bool known;

    public bool TryGetFresh(out long value)
    {
        lock (gate)
        {
            value = generation;
            return known && ticks.GetElapsedTime(seenAt) < MaxAge;
        }
    }

    public void Saw(long value)
    {
        lock (gate)
        {
            if (known && value != generation)
            {
                sessions.Clear();
            }

            generation = value;
            seenAt = ticks.GetTimestamp();
            known = true;
        }
    }

    /// <summary>True when this node checked the session for this person at the current, fresh generation.</summary>
    public bool IsKnownActive(string sessionId, Guid userId) =>
        TryGetFresh(out var current)
        && sessions.TryGetValue(sessionId, out var entry)
        && entry.UserId == userId
        && entry.Generation == current;

    public void Remember(string sessionId, Guid userId, long checkedAtGeneration)
    {
        if (sessions.Count >= MaxEntries)
        {
            sessions.Clear();
        }

        sessions[sessionId] = new Checked(userId, checkedAtGeneration);
    }

    /// <summary>Forgets a person's sessions on this node at once (other nodes follow the generation).</summary>
    public void Forget(Guid userId)
    {
        foreach (var (id, entry) in sessions)
        {
            if (entry.UserId == userId)
            {
                sessions.TryRemove(id, out _);
            }
        }
    }

    public void Forget(string sessionId) => sessions.TryRemove(sessionId, out _);

    private readonly record struct Checked(Guid UserId, long Generation);
}
