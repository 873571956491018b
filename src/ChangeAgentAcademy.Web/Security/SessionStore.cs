using System.Security.Cryptography;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Web.Security;

/// <summary>Server-side session records: created at sign-in, checked on every request, deleted to end a session.</summary>
public sealed class SessionStore(AppDbContext db, SessionCache cache, TimeProvider clock, IOptions<SecurityOptions> options) : ISessionRevoker
{
    public static Task<long> ReadGenerationAsync(DbContext db, CancellationToken cancellationToken) =>
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
