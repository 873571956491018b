using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>
/// Enrolments, trainer assignments and enrolment requests. Erasure keeps a member row under a new, unlinked id
/// (cohort sizes and completion counts stay right), removes the person's trainer assignments and requests, and
/// forgets who decided others' requests. A trainer of an open cohort is held until another trainer takes over.
/// </summary>
public sealed class CohortsPrivacyProvider(DbContext db, IStringLocalizer<CohortsText> S) : IPrivacyProvider
{
    public string Module => "Cohorts";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(CohortMember), [nameof(CohortMember.UserId), nameof(CohortMember.ChangedBy)], "PrivacyPurposeEnrolment", "PrivacyReadersCohort", null, ErasureAction.Anonymise),
        new(typeof(CohortTrainer), [nameof(CohortTrainer.UserId)], "PrivacyPurposeTrainers", "PrivacyReadersCohort", null, ErasureAction.Delete),
        new(typeof(EnrolmentRequest), [nameof(EnrolmentRequest.UserId), nameof(EnrolmentRequest.DecidedBy), nameof(EnrolmentRequest.Message)], "PrivacyPurposeRequests", "PrivacyReadersRequests", null, ErasureAction.Delete),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var memberships = await (from m in db.Set<CohortMember>().AsNoTracking()
                                 join c in db.Set<Cohort>() on m.CohortId equals c.Id
                                 where m.UserId == personId
                                 orderby m.EnrolledUtc
                                 select new { Cohort = c.Name, c.Track, c.StartDate, Status = m.Status.ToString(), m.EnrolledUtc, m.ChangedUtc }).ToListAsync(cancellationToken);
        var trains = await (from t in db.Set<CohortTrainer>().AsNoTracking()
                            join c in db.Set<Cohort>() on t.CohortId equals c.Id
                            where t.UserId == personId
                            select new { Cohort = c.Name, c.StartDate }).ToListAsync(cancellationToken);
        var requests = await (from r in db.Set<EnrolmentRequest>().AsNoTracking()
                              join c in db.Set<Cohort>() on r.CohortId equals c.Id
                              where r.UserId == personId
                              orderby r.RequestedUtc
                              select new { Cohort = c.Name, Status = r.Status.ToString(), r.RequestedUtc, r.DecidedUtc, r.Message }).ToListAsync(cancellationToken);
        var summary = new List<PrivacySummaryLine>
        {
            new(S["PrivacyEnrolments"], memberships.Count == 0 ? S["PrivacyNone"] : string.Join(", ", memberships.Select(m => m.Cohort))),
        };
        if (trains.Count > 0)
        {
            summary.Add(new(S["PrivacyTraining"], string.Join(", ", trains.Select(t => t.Cohort))));
        }

        if (requests.Count > 0)
        {
            summary.Add(new(S["PrivacyRequests"], requests.Count.ToString(System.Globalization.CultureInfo.CurrentCulture)));
        }

        return new PrivacyExportPart(Module, new { Memberships = memberships, Trainer = trains, Requests = requests }, summary);
    }

    public async Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var open = await (from t in db.Set<CohortTrainer>()
                          join c in db.Set<Cohort>() on t.CohortId equals c.Id
                          where t.UserId == personId && c.Status == CohortStatus.Open
                          select c.Name).ToListAsync(cancellationToken);
        return open.Select(name => new ErasureHold(Module, S["PrivacyHoldTrainer", name]) { ToPerson = S["PrivacyHoldTrainerOwn", name] }).ToList();
    }

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var ghost = Guid.NewGuid();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Set<CohortMember>().Where(m => m.UserId == personId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.UserId, ghost).SetProperty(m => m.ChangedBy, (Guid?)null), cancellationToken);
        await db.Set<CohortMember>().Where(m => m.ChangedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(m => m.ChangedBy, (Guid?)null), cancellationToken);
        await db.Set<CohortTrainer>().Where(t => t.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<EnrolmentRequest>().Where(r => r.UserId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<EnrolmentRequest>().Where(r => r.DecidedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(r => r.DecidedBy, (Guid?)null), cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RetentionCount>>([]);
}
