using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// Issues certificates to everyone who meets their track's rules, and revokes them. Issuing is idempotent: the
/// unique index on (person, track) decides between racing runs; each certificate, its audit entry and the
/// person's notice are one transaction, so a run that loses the race writes none of the three.
/// </summary>
public sealed class CertificateService(
    DbContext db, ICohortDirectory cohorts, RuleStore rules, CompletionFacts facts, INotifier notifier, TimeProvider clock, IStringLocalizer<OutcomesText> S)
{
    public const string IssuedAction = "outcomes.certificate.issued";
    public const string RevokedAction = "outcomes.certificate.revoked";

    public static string NoticeKey(Guid personId, string track) => $"outcomes:certificate:{personId}:{track}";

    /// <summary>
    /// Counts everyone enrolled in an open cohort against their track's rules (saved as <see cref="CompletionProgress"/>
    /// for leaders' and trainers' views), then issues every certificate now due; returns how many this run wrote.
    /// A certificate already issued is never taken back here, whatever the rules say now (only an administrator revokes).
    /// </summary>
    public async Task<int> IssueDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = await cohorts.OpenCohortsAsync(ct);
        if (open.Count == 0)
        {
            return 0;
        }

        var members = await cohorts.EnrolledMembersAsync(open.Select(c => c.Id).ToList(), ct);
        var issued = (await db.Set<Certificate>().AsNoTracking().Select(c => new { c.PersonId, c.Track }).ToListAsync(ct))
            .Select(c => (c.PersonId, c.Track)).ToHashSet();
        var ruleSets = await rules.AllAsync(ct);
        var byId = open.ToDictionary(c => c.Id);
        var due = new List<(Guid Person, CohortCadence Cohort, IReadOnlyList<RuleCheck> Checks)>();
        var counted = new List<CompletionProgress>();
        foreach (var track in open.Select(c => c.Track).Distinct())
        {
            // One place per person and track: the latest-starting open cohort.
            var places = members.Where(m => byId[m.CohortId].Track == track)
                .GroupBy(m => m.PersonId)
                .ToDictionary(g => g.Key, g => g.Select(m => byId[m.CohortId]).OrderByDescending(c => c.StartDate).First());
            var known = await facts.ForPeopleAsync(track, places.Keys.ToList(), ct);
            var ruleSet = ruleSets.GetValueOrDefault(track) ?? RuleSet.Default;
            foreach (var (person, cohort) in places)
            {
                var checks = CompletionRules.Evaluate(ruleSet, known[person], now);
                counted.Add(new CompletionProgress { PersonId = person, Track = track, Done = checks.Count(c => c.Met), Rules = checks.Count, CountedUtc = now });
                if (CompletionRules.IsComplete(checks) && !issued.Contains((person, track)))
                {
                    due.Add((person, cohort, checks));
                }
            }
        }

        await SaveProgressAsync(counted, ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var ids = due.Select(d => d.Person).Concat(due.SelectMany(d => d.Cohort.Trainers)).Distinct().ToList();
        var people = await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Language }).ToDictionaryAsync(u => u.Id, ct);
        var written = 0;
        foreach (var (person, cohort, checks) in due)
        {
            if (!people.TryGetValue(person, out var who))
            {
                continue;
            }

            var signer = cohort.Trainers.Select(t => people.GetValueOrDefault(t)?.DisplayName).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? "";
            var certificate = new Certificate
            {
                Id = Guid.NewGuid(),
                PersonId = person,
                Track = cohort.Track,
                Code = CertificateCode.New(),
                PersonName = who.DisplayName,
                Language = ProgrammeOptions.IsSupported(who.Language) ? who.Language : "en",
                CohortId = cohort.Id,
                CohortName = cohort.Name,
                CohortStart = cohort.StartDate,
                SignedBy = signer,
                Completed = CompletionRules.Summary(checks),
                IssuedUtc = now,
            };
            if (await TryIssueAsync(certificate, ct))
            {
                written++;
            }
        }

        return written;
    }

    /// <summary>
    /// Saves the counts that changed: those rows are deleted and inserted afresh in one transaction (a statement per track and
    /// thousand people however many changed, e.g. after a rule change), new people are inserted; a racing run's rows are skipped.
    /// </summary>
    private async Task SaveProgressAsync(IReadOnlyList<CompletionProgress> counted, CancellationToken ct)
    {
        var saved = (await db.Set<CompletionProgress>().AsNoTracking().Select(p => new { p.PersonId, p.Track, p.Done, p.Rules }).ToListAsync(ct))
            .ToDictionary(p => (p.PersonId, p.Track), p => (p.Done, p.Rules));
        var changed = counted.Where(c => !saved.TryGetValue((c.PersonId, c.Track), out var was) || was != (c.Done, c.Rules)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var stale = changed.Where(c => saved.ContainsKey((c.PersonId, c.Track))).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var track in stale.GroupBy(c => c.Track))
        {
            foreach (var chunk in track.Select(c => c.PersonId).Chunk(1000))
            {
                await db.Set<CompletionProgress>().Where(p => p.Track == track.Key && chunk.Contains(p.PersonId)).ExecuteDeleteAsync(ct);
            }
        }

        await db.InsertIgnoringConflictsAsync(changed, [nameof(CompletionProgress.PersonId), nameof(CompletionProgress.Track)], ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<bool> TryIssueAsync(Certificate certificate, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            db.Add(certificate);
            db.AddAudit(certificate.IssuedUtc, null, IssuedAction, certificate.Id.ToString(), $"{certificate.PersonId};{certificate.Track};{certificate.Code}");
            using (new CultureScope(certificate.Language))
            {
                await notifier.NotifyAsync(new Notice(NoticeKey(certificate.PersonId, certificate.Track), certificate.PersonId,
                    S["Notice.Issued.Subject"].Value, S["Notice.Issued.Body", S["Programme." + certificate.Track]].Value, "/"), ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another run issued it first (the unique index on person and track): nothing of ours is kept.
            await transaction.RollbackAsync(ct);
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Revokes with a reason (required); the code then verifies as revoked. Audited.</summary>
    public async Task<Result> RevokeAsync(Guid id, string? reason, Guid actor, CancellationToken ct = default)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Result.Invalid(S["Revoke.ReasonRequired"]);
        }

        if (reason.Length > 500)
        {
            return Result.Invalid(S["Revoke.ReasonTooLong", 500]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await db.Set<Certificate>().Where(c => c.Id == id && c.RevokedUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.RevokedUtc, now).SetProperty(c => c.RevokedBy, actor).SetProperty(c => c.RevokedReason, reason), ct);
        if (changed == 0)
        {
            return await db.Set<Certificate>().AnyAsync(c => c.Id == id, ct) ? Result.Conflict(S["Revoke.Already"]) : Result.NotFound();
        }

        db.AddAudit(now, actor, RevokedAction, id.ToString(), reason);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success();
    }
}
