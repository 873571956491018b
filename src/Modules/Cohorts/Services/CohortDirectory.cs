using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>A person's current cohort: the latest one they are enrolled in (not waitlisted or withdrawn).</summary>
internal sealed class CohortDirectory(AppDbContext db) : ICohortDirectory
{
    public async Task<CohortPlacement?> FindPlacementAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var row = await (from m in db.Set<CohortMember>()
                         join c in db.Set<Cohort>() on m.CohortId equals c.Id
                         where m.UserId == personId && m.Status == MemberStatus.Enrolled
                         orderby c.StartDate descending
                         select new { c.Id, c.Name, c.Track, c.Language, c.StartDate }).FirstOrDefaultAsync(cancellationToken);
        return row is null
            ? null
            : new CohortPlacement(row.Id, row.Name, row.Track == CohortTrack.Leader ? "leader" : "trainee", row.Language, row.StartDate);
    }
}
