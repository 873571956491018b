using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Workshops.Services;

/// <summary>A person's workshops for their calendar: sessions they hold a place in (not waiting, not cancelled) and sessions they facilitate.</summary>
public sealed class WorkshopEvents(DbContext db) : IPersonEvents
{
    public async Task<IReadOnlyList<PersonEvent>> ForPersonAsync(Guid personId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<WorkshopSession>().AsNoTracking()
            .Where(s => s.Status != WorkshopStatus.Cancelled && s.StartsUtc < toUtc && s.EndsUtc > fromUtc)
            .Where(s => s.FacilitatorId == personId || db.Set<Booking>().Any(b => b.SessionId == s.Id && b.UserId == personId && b.Status == BookingStatus.Booked))
            .OrderBy(s => s.StartsUtc)
            .Select(s => new { s.Id, s.Title, s.StartsUtc, s.EndsUtc, s.Place })
            .ToListAsync(cancellationToken);
        return rows.Select(s => new PersonEvent($"workshop:{s.Id}", "workshop", s.Title, s.StartsUtc, s.EndsUtc, s.Place, $"/workshops/{s.Id}")).ToList();
    }
}
