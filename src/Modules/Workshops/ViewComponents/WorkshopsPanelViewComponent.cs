using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Workshops.ViewComponents;

/// <summary>
/// Start page: the next workshops the person has a place in or facilitates, and for those who answer on-site
/// requests, how many wait. One query, two for trainers.
/// </summary>
public sealed class WorkshopsPanelViewComponent(AppDbContext db, IPermissionService permissions, ProgrammeTime time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        var books = permissions.Has(user, WorkshopPermissions.Book);
        var manages = permissions.Has(user, WorkshopPermissions.Manage);
        if (!books && !manages)
        {
            return Content("");
        }

        var me = user.RequiredPersonId();
        var now = time.UtcNow;
        var next = await db.Set<WorkshopSession>().AsNoTracking()
            .Where(s => s.Status == WorkshopStatus.Open && s.EndsUtc > now
                        && (s.FacilitatorId == me || db.Set<Booking>().Any(b => b.SessionId == s.Id && b.UserId == me && b.Status == BookingStatus.Booked)))
            .OrderBy(s => s.StartsUtc)
            .Select(s => new NextWorkshop(s.Id, s.Title, s.StartsUtc, s.Place, s.FacilitatorId == me))
            .Take(3).ToListAsync();
        var requests = manages ? await db.Set<OnSiteRequest>().CountAsync(r => r.Status == RequestStatus.Pending) : 0;
        return View(new WorkshopsPanelModel(next, requests, books, manages));
    }
}
