using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Modules;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>What other modules may know of cohorts: placements, cadences, members and trainers (ids only).</summary>
internal sealed class CohortDirectory(DbContext db) : ICohortDirectory
{
    // Scoped (one request): the start page's panels each ask for the reader's placement; the database is asked once (issue #18).
    private readonly Dictionary<Guid, CohortPlacement?> placements = [];

    public async Task<CohortPlacement?> FindPlacementAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        if (placements.TryGetValue(personId, out var known))
        {
            return known;
        }

        var placement = await ReadPlacementAsync(personId, cancellationToken);
        placements[personId] = placement;
        return placement;
    }

    private async Task<CohortPlacement?> ReadPlacementAsync(Guid personId, CancellationToken cancellationToken)
    {
        var row = await (from m in db.Set<CohortMember>()
                         join c in db.Set<Cohort>() on m.CohortId equals c.Id
                         where m.UserId == personId && m.Status == MemberStatus.Enrolled
                         orderby c.Status == CohortStatus.Open descending, c.StartDate descending
                         select new { c.Id, c.Name, c.Track, c.Language, c.StartDate }).FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new CohortPlacement(row.Id, row.Name, ProgressRules.TrackName(row.Track), row.Language, row.StartDate);
    }

    public async Task<IReadOnlyList<CohortCadence>> OpenCohortsAsync(CancellationToken cancellationToken = default)
    {
        var cohorts = await db.Set<Cohort>().AsNoTracking().Where(c => c.Status == CohortStatus.Open).ToListAsync(cancellationToken);
        var ids = cohorts.Select(c => c.Id).ToList();
        var trainers = await db.Set<CohortTrainer>().AsNoTracking().Where(t => ids.Contains(t.CohortId)).ToListAsync(cancellationToken);
        var byCohort = trainers.ToLookup(t => t.CohortId, t => t.UserId);
        return cohorts
            .Select(c => new CohortCadence(c.Id, c.Name, ProgressRules.TrackName(c.Track), c.Language, c.StartDate, c.CadenceWeeks, c.CadenceDay, c.ReleaseTime, c.TimeZone, byCohort[c.Id].ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<(Guid CohortId, Guid PersonId)>> EnrolledMembersAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<CohortMember>().AsNoTracking()
            .Where(m => cohortIds.Contains(m.CohortId) && m.Status == MemberStatus.Enrolled)
            .Select(m => new { m.CohortId, m.UserId })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.CohortId, r.UserId)).ToList();
    }

    public async Task<string> MembershipStampAsync(CancellationToken cancellationToken = default)
    {
        var stamp = await db.Set<CohortMember>()
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Enrolled = g.Count(m => m.Status == MemberStatus.Enrolled), Latest = g.Max(m => m.ChangedUtc) })
            .FirstOrDefaultAsync(cancellationToken);
        var cohorts = await db.Set<Cohort>().CountAsync(c => c.Status == CohortStatus.Open, cancellationToken);
        return stamp is null ? $"0:{cohorts}" : $"{stamp.Count}:{stamp.Enrolled}:{stamp.Latest.Ticks}:{cohorts}";
    }

    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> cohortIds, CancellationToken cancellationToken = default) =>
        await db.Set<Cohort>().AsNoTracking().Where(c => cohortIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);

    public async Task<IReadOnlyList<Guid>> CohortsRunByAsync(Guid trainerId, CancellationToken cancellationToken = default) =>
        await db.Set<CohortTrainer>().Where(t => t.UserId == trainerId).Select(t => t.CohortId).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Guid>> TrainersOfAsync(Guid cohortId, CancellationToken cancellationToken = default) =>
        await db.Set<CohortTrainer>().Where(t => t.CohortId == cohortId).Select(t => t.UserId).ToListAsync(cancellationToken);
}
