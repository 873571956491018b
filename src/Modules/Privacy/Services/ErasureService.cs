using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Privacy.Data;
using ChangeAgentAcademy.Privacy.Resources;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Privacy.Services;

/// <summary>
/// Requests to be erased, and erasure itself: refused for oneself, for the last administrator and while a provider
/// holds the person; otherwise the person's sessions end, every provider erases its part (each in its own
/// transaction, each idempotent), and the audit records that an erasure happened, without who. The waiting request
/// (made here when the officer erases without one) is the erasure's journal: it stays waiting, naming the person,
/// until every provider has run, so a crash part-way leaves it on the officer's list and running the erasure again
/// finishes it, even once the account itself is gone (the core's provider runs last).
/// </summary>
public sealed class ErasureService(DbContext db, IEnumerable<IPrivacyProvider> providers, ISessionRevoker sessions, TimeProvider clock, IStringLocalizer<PrivacyText> S)
{
    public async Task<Result> RequestAsync(Guid me, CancellationToken ct = default)
    {
        if (await db.Set<ErasureRequest>().AnyAsync(r => r.WaitingFor == me, ct))
        {
            return Result.Conflict(S["ErasureAlreadyRequested"]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var id = Guid.NewGuid();
        db.Set<ErasureRequest>().Add(new ErasureRequest { Id = id, UserId = me, WaitingFor = me, Status = ErasureStatus.Waiting, RequestedUtc = now });
        db.AddAudit(now, me, "privacy.erasure-requested", id.ToString());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request of the same person won the unique index at the same moment.
            db.ChangeTracker.Clear();
            return Result.Conflict(S["ErasureAlreadyRequested"]);
        }

        return Result.Success();
    }

    /// <summary>Why the officer may not erase this person now (self, last administrator, holds), in the reader's language; empty when they may.</summary>
    public async Task<IReadOnlyList<string>> RefusalsAsync(Guid actor, Guid personId, CancellationToken ct = default)
    {
        var reasons = new List<string>();
        if (actor == personId)
        {
            reasons.Add(S["CannotEraseYourself"]);
        }

        if (await IsLastAdministratorAsync(personId, ct))
        {
            reasons.Add(S["CannotEraseLastAdministrator"]);
        }

        foreach (var provider in providers)
        {
            reasons.AddRange((await provider.HoldsAsync(personId, ct)).Select(h => h.Reason));
        }

        return reasons;
    }

    public Task<Result> EraseAsync(Guid actor, Guid personId, CancellationToken ct = default) => EraseAsync(actor, personId, null, ct);

    /// <summary>
    /// The retention run's erasure of an unused account (<see cref="InactiveAccounts"/>): the same refusals, holds,
    /// providers and journal as the officer's, no one deciding, the audit naming the retention key instead.
    /// </summary>
    public Task<Result> EraseUnusedAsync(Guid personId, CancellationToken ct = default) => EraseAsync(null, personId, InactiveAccounts.RetentionKey, ct);

    private async Task<Result> EraseAsync(Guid? actor, Guid personId, string? retention, CancellationToken ct)
    {
        var exists = await db.Set<AppUser>().AnyAsync(u => u.Id == personId, ct);
        var requests = await WaitingAsync(personId, ct);
        if (!exists && requests.Count == 0)
        {
            return Result.NotFound();
        }

        // With the account gone, an earlier erasure was decided and stopped part-way: it is finished, not judged again.
        if (exists)
        {
            var refusals = await RefusalsAsync(actor ?? Guid.Empty, personId, ct);
            if (refusals.Count > 0)
            {
                return Result.Conflict([.. refusals]);
            }
        }

        if (requests.Count == 0)
        {
            requests = await JournalAsync(personId, ct);
        }

        await sessions.RevokeAllAsync(personId, cancellationToken: ct);
        foreach (var provider in providers)
        {
            await provider.EraseAsync(personId, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Done, and no longer naming the person (the Privacy provider leaves waiting requests to this step).
        await db.Set<ErasureRequest>().Where(r => requests.Contains(r.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ErasureStatus.Done).SetProperty(r => r.DecidedBy, actor).SetProperty(r => r.DecidedUtc, now)
                .SetProperty(r => r.WaitingFor, (Guid?)null).SetProperty(r => r.UserId, Guid.Empty), ct);

        // Who was erased is exactly what must not be kept: the entry names the request, if any, and what ran.
        db.AddAudit(now, actor, "privacy.erased", requests.Count > 0 ? requests[0].ToString() : "-", (retention is null ? "" : $"retention {retention}: ") + string.Join(", ", providers.Select(p => p.Module)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Success();
    }

    private Task<List<Guid>> WaitingAsync(Guid personId, CancellationToken ct) =>
        db.Set<ErasureRequest>().Where(r => r.UserId == personId && r.Status == ErasureStatus.Waiting).Select(r => r.Id).ToListAsync(ct);

    /// <summary>A waiting request for an erasure the officer starts unasked, written before anything is erased (the person's own request, made at the same moment, wins the unique index).</summary>
    private async Task<List<Guid>> JournalAsync(Guid personId, CancellationToken ct)
    {
        db.Set<ErasureRequest>().Add(new ErasureRequest { Id = Guid.NewGuid(), UserId = personId, WaitingFor = personId, Status = ErasureStatus.Waiting, RequestedUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        return await WaitingAsync(personId, ct);
    }

    private async Task<bool> IsLastAdministratorAsync(Guid personId, CancellationToken ct)
    {
        var admins = from ur in db.Set<IdentityUserRole<Guid>>()
                     join r in db.Set<AppRole>() on ur.RoleId equals r.Id
                     where r.Name == Roles.Administrator
                     select ur.UserId;
        return await admins.AnyAsync(id => id == personId, ct) && !await admins.AnyAsync(id => id != personId, ct);
    }
}
