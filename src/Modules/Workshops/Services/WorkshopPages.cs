using System.Security.Claims;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using ChangeAgentAcademy.Workshops.ViewModels;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Workshops.Services;

/// <summary>The reading for the workshop pages: the calendar, one session, the new-sessions form and the start panel.</summary>
public sealed class WorkshopPages(DbContext db, IPermissionService permissions, ProgrammeTime time)
{
    public async Task<WorkshopsViewModel> IndexAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = user.RequiredPersonId();
        var now = time.UtcNow;
        var manager = permissions.Has(user, WorkshopPermissions.Manage);
        var upcoming = await RowsAsync(Visible(me, manager).Where(s => s.Status == WorkshopStatus.Open && s.StartsUtc > now).OrderBy(s => s.StartsUtc).Take(50), me, ct);
        var mine = await RowsAsync(db.Set<WorkshopSession>().Where(s => s.EndsUtc > now && s.Status != WorkshopStatus.Cancelled
            && db.Set<Booking>().Any(b => b.SessionId == s.Id && b.UserId == me && b.Status != BookingStatus.Cancelled)).OrderBy(s => s.StartsUtc), me, ct);
        var since = now.AddDays(-90);
        var facilitating = manager
            ? await RowsAsync(db.Set<WorkshopSession>().Where(s => s.FacilitatorId == me && s.EndsUtc > since && s.Status != WorkshopStatus.Cancelled).OrderBy(s => s.StartsUtc).Take(50), me, ct)
            : [];
        var attended = await RowsAsync(db.Set<WorkshopSession>().Where(s => s.EndsUtc <= now && s.EndsUtc > since && s.Status != WorkshopStatus.Cancelled
            && db.Set<Booking>().Any(b => b.SessionId == s.Id && b.UserId == me && b.Status == BookingStatus.Booked)).OrderByDescending(s => s.StartsUtc).Take(20), me, ct);
        return new WorkshopsViewModel(upcoming, mine, facilitating, attended, permissions.Has(user, WorkshopPermissions.Book), manager, permissions.Has(user, WorkshopPermissions.Request), now);
    }

    /// <summary>One session's page, and whether the person may see it; null when there is no such session.</summary>
    public async Task<(SessionDetailsViewModel Model, bool Allowed)?> DetailsAsync(ClaimsPrincipal user, Guid id, CancellationToken ct = default)
    {
        var me = user.RequiredPersonId();
        var manager = permissions.Has(user, WorkshopPermissions.Manage);
        var row = (await RowsAsync(db.Set<WorkshopSession>().Where(s => s.Id == id), me, ct)).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        var allowed = await Visible(me, manager).AnyAsync(s => s.Id == id, ct);
        var canRecord = permissions.Has(user, WorkshopPermissions.ManageAll) || (manager && row.FacilitatorId == me);
        var attended = row.Mine == BookingStatus.Booked;
        var canUseIdeas = attended || row.FacilitatorId == me || canRecord;
        var participants = canRecord
            ? await (from b in db.Set<Booking>()
                     join u in db.Set<AppUser>() on b.UserId equals u.Id
                     where b.SessionId == id && b.Status != BookingStatus.Cancelled
                     orderby b.Status, b.BookedUtc, b.UserId
                     select new ParticipantRow(u.Id, u.DisplayName, b.Status, b.BookedUtc)).ToListAsync(ct)
            : [];
        var record = canUseIdeas ? await db.Set<WorkshopRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.SessionId == id, ct) : null;
        var ideas = canUseIdeas
            ? await db.Set<WorkshopIdea>().AsNoTracking().Where(i => i.SessionId == id).OrderBy(i => i.Id).Select(i => new IdeaRow(i.Id, i.Text, i.PdsaBy == me ? i.PdsaUrl : null, i.PdsaBy == me)).ToListAsync(ct)
            : [];
        var model = new SessionDetailsViewModel
        {
            Session = row,
            CanBook = permissions.Has(user, WorkshopPermissions.Book) && allowed,
            CanRecord = canRecord,
            CanUseIdeas = canUseIdeas,
            Participants = participants,
            HasRecord = record is not null,
            Record = record is null ? new RecordViewModel() : new RecordViewModel { Critique = record.Critique, VisionHowWeWork = record.VisionHowWeWork, VisionValues = record.VisionValues, VisionResidents = record.VisionResidents },
            Ideas = ideas,
            NowUtc = time.UtcNow,
        };
        return (model, allowed || canRecord);
    }

    /// <summary>The session (untracked), or null.</summary>
    public Task<WorkshopSession?> SessionAsync(Guid id, CancellationToken ct = default) =>
        db.Set<WorkshopSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>One idea of the session (untracked), or null.</summary>
    public Task<WorkshopIdea?> IdeaAsync(Guid sessionId, long ideaId, CancellationToken ct = default) =>
        db.Set<WorkshopIdea>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == ideaId && i.SessionId == sessionId, ct);

    /// <summary>What the cancel question names: the session and the person's booking, when it may still be cancelled.</summary>
    public async Task<(string Title, DateTime StartsUtc, BookingStatus Status)?> CancellableBookingAsync(Guid sessionId, Guid personId, CancellationToken ct = default)
    {
        var booking = await (from s in db.Set<WorkshopSession>()
                             join b in db.Set<Booking>() on s.Id equals b.SessionId
                             where s.Id == sessionId && b.UserId == personId
                             select new { s.Title, s.StartsUtc, b.Status }).FirstOrDefaultAsync(ct);
        return booking is not null && WorkshopRules.CancelRefusal(booking.StartsUtc, time.UtcNow, booking.Status) is null
            ? (booking.Title, booking.StartsUtc, booking.Status)
            : null;
    }

    /// <summary>True when the person is a trainer (who may facilitate).</summary>
    public Task<bool> IsFacilitatorAsync(Guid personId, CancellationToken ct = default)
    {
        var facilitators = FacilitatorIds();
        return db.Set<AppUser>().AnyAsync(u => u.Id == personId && facilitators.Contains(u.Id), ct);
    }

    public async Task<NewSessionsViewModel> WithFacilitatorsAsync(NewSessionsViewModel form, CancellationToken ct = default)
    {
        var ids = FacilitatorIds();
        form.Facilitators = await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new FacilitatorOption(u.Id, u.DisplayName)).ToListAsync(ct);
        return form;
    }

    /// <summary>
    /// Start page: the next workshops the person has a place in or facilitates, and for those who answer on-site
    /// requests, how many wait. One query, two for trainers. Null when the person neither books nor manages.
    /// </summary>
    public async Task<WorkshopsPanelViewModel?> PanelAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var books = permissions.Has(user, WorkshopPermissions.Book);
        var manages = permissions.Has(user, WorkshopPermissions.Manage);
        if (!books && !manages)
        {
            return null;
        }

        var me = user.RequiredPersonId();
        var now = time.UtcNow;
        var next = await db.Set<WorkshopSession>().AsNoTracking()
            .Where(s => s.Status == WorkshopStatus.Open && s.EndsUtc > now
                        && (s.FacilitatorId == me || db.Set<Booking>().Any(b => b.SessionId == s.Id && b.UserId == me && b.Status == BookingStatus.Booked)))
            .OrderBy(s => s.StartsUtc)
            .Select(s => new NextWorkshopRow(s.Id, s.Title, s.StartsUtc, s.Place, s.FacilitatorId == me))
            .Take(3).ToListAsync(ct);
        var requests = manages ? await db.Set<OnSiteRequest>().CountAsync(r => r.Status == RequestStatus.Pending, ct) : 0;
        return new WorkshopsPanelViewModel(next, requests, books, manages);
    }

    private IQueryable<Guid> FacilitatorIds() =>
        from ur in db.Set<IdentityUserRole<Guid>>() join r in db.Set<AppRole>() on ur.RoleId equals r.Id where r.Name == Roles.Trainer select ur.UserId;

    /// <summary>Sessions this person may see: all for trainers and administrators; on-site sessions otherwise only for the requesting unit.</summary>
    private IQueryable<WorkshopSession> Visible(Guid me, bool manager)
    {
        var sessions = db.Set<WorkshopSession>().AsNoTracking();
        return manager
            ? sessions
            : sessions.Where(s => s.RequestId == null || s.FacilitatorId == me || db.Set<OnSiteRequest>().Any(r => r.Id == s.RequestId
                && db.Set<Team>().Any(x => x.Id == r.TeamId && (x.LeaderId == me || db.Set<AppUser>().Any(u => u.Id == me && u.TeamId == x.Id)))));
    }

    private Task<List<SessionRow>> RowsAsync(IQueryable<WorkshopSession> sessions, Guid me, CancellationToken ct) =>
        sessions.Select(s => new SessionRow(
            s.Id, s.Title, s.Place, s.StartsUtc, s.EndsUtc, s.Capacity,
            db.Set<Booking>().Count(b => b.SessionId == s.Id && b.Status == BookingStatus.Booked),
            db.Set<Booking>().Count(b => b.SessionId == s.Id && b.Status == BookingStatus.Waitlisted),
            s.Status, s.FacilitatorId,
            db.Set<AppUser>().Where(u => u.Id == s.FacilitatorId).Select(u => u.DisplayName).FirstOrDefault(),
            s.RequestId != null,
            db.Set<Booking>().Where(b => b.SessionId == s.Id && b.UserId == me && b.Status != BookingStatus.Cancelled).Select(b => (BookingStatus?)b.Status).FirstOrDefault(),
            db.Set<Booking>().Where(b => b.SessionId == s.Id && b.UserId == me && b.Status == BookingStatus.Waitlisted)
                .Select(b => (int?)db.Set<Booking>().Count(o => o.SessionId == s.Id && o.Status == BookingStatus.Waitlisted && o.BookedUtc < b.BookedUtc) + 1)
                .FirstOrDefault())).ToListAsync(ct);
}
