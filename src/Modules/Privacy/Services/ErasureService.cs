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
/// (made here when the officer erases without one) is the erasure's journal: claimed (<see cref="ErasureStatus.Erasing"/>,
/// no longer withdrawable) before anything is erased, it names the person until every provider has run, so a crash
/// part-way leaves it on the officer's list and running the erasure again finishes it, even once the account itself is
/// gone (the core's provider runs last). The person may withdraw their request while it waits (<see cref="WithdrawAsync"/>).
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

    /// <summary>
    /// The person withdraws their own request while it waits. One conditional update decides it against an erasure
    /// claiming the same row at the same moment (<see cref="EraseAsync(Guid, Guid, Guid?, CancellationToken)"/>): one of
    /// them changes the row, the other finds it changed and refuses, so the person ends erased or withdrawn, never both.
    /// Another person's request (or none) is not found; one no longer waiting is refused with the reason.
    /// </summary>
    public async Task<Result> WithdrawAsync(Guid me, Guid requestId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var withdrawn = await db.Set<ErasureRequest>().Where(r => r.Id == requestId && r.UserId == me && r.Status == ErasureStatus.Waiting)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ErasureStatus.Withdrawn).SetProperty(r => r.WaitingFor, (Guid?)null)
                .SetProperty(r => r.DecidedUtc, now).SetProperty(r => r.DecidedBy, me), ct);
        if (withdrawn == 0)
        {
            var status = await db.Set<ErasureRequest>().Where(r => r.Id == requestId && r.UserId == me).Select(r => (ErasureStatus?)r.Status).FirstOrDefaultAsync(ct);
            return status is { } s && ErasureRules.WithdrawRefusal(s) is { } key ? Result.Conflict(S[key]) : Result.NotFound();
        }

        db.AddAudit(now, me, "privacy.erasure-withdrawn", requestId.ToString());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Success();
    }

    public Task<Result> EraseAsync(Guid actor, Guid personId, CancellationToken ct = default) => EraseAsync(actor, personId, null, ct);

    /// <summary>
    /// The officer's erasure; <paramref name="asked"/> is the request their confirmation page showed, if any: when the
    /// person has withdrawn it meanwhile, the erasure is refused (the officer may still erase unasked, deliberately, after).
    /// </summary>
    public Task<Result> EraseAsync(Guid actor, Guid personId, Guid? asked, CancellationToken ct = default) => EraseAsync(actor, personId, asked, null, ct);

    /// <summary>
    /// The retention run's erasure of an unused account (<see cref="InactiveAccounts"/>): the same refusals, holds,
    /// providers and journal as the officer's, no one deciding, the audit naming the retention key instead.
    /// </summary>
    public Task<Result> EraseUnusedAsync(Guid personId, CancellationToken ct = default) => EraseAsync(null, personId, null, InactiveAccounts.RetentionKey, ct);

    private async Task<Result> EraseAsync(Guid? actor, Guid personId, Guid? asked, string? retention, CancellationToken ct)
    {
        var exists = await db.Set<AppUser>().AnyAsync(u => u.Id == personId, ct);
        var open = await OpenAsync(personId, ct);
        if (!exists && open.Count == 0)
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

        var requests = await ClaimAsync(personId, asked, ct);
        if (requests is null)
        {
            return Result.Conflict(S["ErasureWithdrawnMeanwhile"]);
        }

        await sessions.RevokeAllAsync(personId, cancellationToken: ct);
        foreach (var provider in providers)
        {
            await provider.EraseAsync(personId, ct);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Done, and no longer naming the person (the Privacy provider leaves open requests to this step).
        await db.Set<ErasureRequest>().Where(r => requests.Contains(r.Id))
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ErasureStatus.Done).SetProperty(r => r.DecidedBy, actor).SetProperty(r => r.DecidedUtc, now)
                .SetProperty(r => r.WaitingFor, (Guid?)null).SetProperty(r => r.UserId, Guid.Empty), ct);

        // Who was erased is exactly what must not be kept: the entry names the request, if any, and what ran.
        db.AddAudit(now, actor, "privacy.erased", requests.Count > 0 ? requests[0].ToString() : "-", (retention is null ? "" : $"retention {retention}: ") + string.Join(", ", providers.Select(p => p.Module)));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Result.Success();
    }

    private Task<List<Guid>> OpenAsync(Guid personId, CancellationToken ct) =>
        db.Set<ErasureRequest>().Where(r => r.UserId == personId && (r.Status == ErasureStatus.Waiting || r.Status == ErasureStatus.Erasing)).Select(r => r.Id).ToListAsync(ct);

    /// <summary>
    /// Claims the person's waiting requests for this erasure (Waiting to Erasing, one conditional update, so a withdrawal
    /// at the same moment either lands first and is seen, or finds the row claimed and is refused), writing a claimed one
    /// as the journal when there is none. Null when the request the officer acted on was withdrawn first.
    /// </summary>
    private async Task<List<Guid>?> ClaimAsync(Guid personId, Guid? asked, CancellationToken ct)
    {
        // The request the officer acted on first, alone: claimed here, or found withdrawn and nothing claimed.
        if (asked is { } id
            && await db.Set<ErasureRequest>().Where(r => r.Id == id && r.UserId == personId && r.Status == ErasureStatus.Waiting).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ErasureStatus.Erasing), ct) == 0
            && await db.Set<ErasureRequest>().AnyAsync(r => r.Id == id && r.Status == ErasureStatus.Withdrawn, ct))
        {
            return null;
        }

        await db.Set<ErasureRequest>().Where(r => r.UserId == personId && r.Status == ErasureStatus.Waiting)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ErasureStatus.Erasing), ct);

        var claimed = await ClaimedAsync(personId, ct);
        for (var attempt = 0; claimed.Count == 0 && attempt < 2; attempt++)
        {
            // The journal of an erasure the officer starts unasked, written before anything is erased; the person's own
            // request, made at the same moment, wins the unique index, and is claimed instead.
            db.Set<ErasureRequest>().Add(new ErasureRequest { Id = Guid.NewGuid(), UserId = personId, WaitingFor = personId, Status = ErasureStatus.Erasing, RequestedUtc = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                await db.Set<ErasureRequest>().Where(r => r.UserId == personId && r.Status == ErasureStatus.Waiting)
                    .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ErasureStatus.Erasing), ct);
            }

            claimed = await ClaimedAsync(personId, ct);
        }

        return claimed;
    }

    private Task<List<Guid>> ClaimedAsync(Guid personId, CancellationToken ct) =>
        db.Set<ErasureRequest>().Where(r => r.UserId == personId && r.Status == ErasureStatus.Erasing).Select(r => r.Id).ToListAsync(ct);

    private async Task<bool> IsLastAdministratorAsync(Guid personId, CancellationToken ct)
    {
        var admins = from ur in db.Set<IdentityUserRole<Guid>>()
                     join r in db.Set<AppRole>() on ur.RoleId equals r.Id
                     where r.Name == Roles.Administrator
                     select ur.UserId;
        return await admins.AnyAsync(id => id == personId, ct) && !await admins.AnyAsync(id => id != personId, ct);
    }
}
