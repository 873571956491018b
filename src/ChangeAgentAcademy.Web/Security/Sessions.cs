using System.Collections.Concurrent;
using System.Security.Cryptography;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

/// <summary>Reads the revocation generation once a second (one indexed one-row query per node).</summary>
public sealed class SessionRefresher(IServiceScopeFactory scopes, SessionCache cache, ILogger<SessionRefresher> logger) : GenerationPoller(scopes, logger)
{
    protected override async Task PollAsync(AppDbContext db, CancellationToken cancellationToken) =>
        cache.Saw(await SessionStore.ReadGenerationAsync(db, cancellationToken));
}

public sealed record SessionInfo(string Id, DateTime CreatedUtc, string? Device);

/// <summary>Server-side session records: created at sign-in, checked on every request, deleted to end a session.</summary>
public sealed class SessionStore(AppDbContext db, SessionCache cache, TimeProvider clock, IOptions<SecurityOptions> options) : ISessionRevoker
{
    public static Task<long> ReadGenerationAsync(AppDbContext db, CancellationToken cancellationToken) =>
        db.Set<SessionGeneration>().Where(g => g.Id == 1).Select(g => g.Generation).FirstOrDefaultAsync(cancellationToken);

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public async Task<string> CreateAsync(Guid userId, string? device, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Sessions past the absolute limit are dead anyway: drop this person's old rows as a new one is made.
        var expired = now - options.Value.AbsoluteTimeout;
        await db.Sessions.Where(s => s.UserId == userId && s.CreatedUtc < expired).ExecuteDeleteAsync(cancellationToken);
        var session = new UserSession
        {
            Id = NewId(),
            UserId = userId,
            CreatedUtc = now,
            Device = device is { Length: > 200 } ? device[..200] : device,
        };
        var fresh = cache.TryGetFresh(out var generation);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        if (fresh)
        {
            // The first page after sign-in needs no check of its own.
            cache.Remember(session.Id, userId, generation);
        }

        return session.Id;
    }

    /// <summary>The session exists, belongs to this person, and the person is not locked out.</summary>
    public async Task<bool> IsActiveAsync(string? sessionId, Guid userId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return false;
        }

        if (cache.IsKnownActive(sessionId, userId))
        {
            return true;
        }

        // The generation is read before the row: a revocation that lands in between moves it, and the entry is stale.
        var fresh = cache.TryGetFresh(out var generation);
        var now = clock.GetUtcNow();
        var active = await (from s in db.Sessions
                            join u in db.Users on s.UserId equals u.Id
                            where s.Id == sessionId && s.UserId == userId
                            select u.LockoutEnd).ToListAsync(cancellationToken);
        if (active.Count == 0 || active[0] is { } lockoutEnd && lockoutEnd > now)
        {
            return false;
        }

        if (fresh)
        {
            cache.Remember(sessionId, userId, generation);
        }

        return true;
    }

    public Task<List<SessionInfo>> ListAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().UtcDateTime - options.Value.AbsoluteTimeout;
        return db.Sessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.CreatedUtc >= since)
            .OrderByDescending(s => s.CreatedUtc)
            .Select(s => new SessionInfo(s.Id, s.CreatedUtc, s.Device))
            .ToListAsync(cancellationToken);
    }

    public async Task RevokeAsync(string sessionId, CancellationToken cancellationToken = default)
    {
        await RevokeWhereAsync(db.Sessions.Where(s => s.Id == sessionId), cancellationToken);
        cache.Forget(sessionId);
    }

    public async Task RevokeAllAsync(Guid userId, string? keepSessionId = null, CancellationToken cancellationToken = default)
    {
        var rows = db.Sessions.Where(s => s.UserId == userId);
        if (keepSessionId is not null)
        {
            rows = rows.Where(s => s.Id != keepSessionId);
        }

        await RevokeWhereAsync(rows, cancellationToken);
        cache.Forget(userId);
    }

    private async Task RevokeWhereAsync(IQueryable<UserSession> rows, CancellationToken cancellationToken)
    {
        // One transaction: the rows go and the generation moves together, so no node keeps a revoked session cached.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            await rows.ExecuteDeleteAsync(cancellationToken);
            await db.Set<SessionGeneration>().Where(g => g.Id == 1)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Generation, g => g.Generation + 1), cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        });
    }
}

/// <summary>Where the session id lives: in the (encrypted) cookie ticket's properties, kept across refreshes.</summary>
public static class SessionCookie
{
    public const string IdKey = "caa.sid";

    public static string? Id(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(IdKey, out var id) == true ? id : null;

    /// <summary>The current request's session id (authenticates the cookie again; for the few actions that need it).</summary>
    public static async Task<string?> CurrentIdAsync(HttpContext context) =>
        Id((await context.AuthenticateAsync(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)).Properties);
}
