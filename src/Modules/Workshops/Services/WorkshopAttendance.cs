using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Workshops.Services;

/// <summary>Booked places with their sessions' end times, for completion rules and the programme owner's view (one query).</summary>
internal sealed class WorkshopAttendance(DbContext db) : IWorkshopAttendance
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<DateTime>>> BookedWorkshopsAsync(IReadOnlyCollection<Guid> people, CancellationToken cancellationToken = default)
    {
        if (people.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<DateTime>>();
        }

        var rows = await (from b in db.Set<Booking>()
                          where b.Status == BookingStatus.Booked && EF.Parameter(people).Contains(b.UserId)
                          join s in db.Set<WorkshopSession>() on b.SessionId equals s.Id
                          where s.Status != WorkshopStatus.Cancelled
                          select new { b.UserId, s.EndsUtc })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<DateTime>)g.Select(r => r.EndsUtc).ToList());
    }
}
