using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using ChangeAgentAcademy.Workshops.Resources;
using ChangeAgentAcademy.Workshops.Services;
using ChangeAgentAcademy.Workshops.ViewModels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Workshops.Controllers;

/// <summary>The workshop calendar, booking and the waiting list, creating sessions, and the facilitator's record with its ideas.</summary>
[RequirePermission(WorkshopPermissions.View)]
[Route("workshops")]
public sealed class WorkshopsController(
    AppDbContext db, WorkshopService workshops, IPermissionService permissions, ProgrammeTime time, IOptions<ProgrammeOptions> programme, IStringLocalizer<WorkshopsText> t) : Controller
{
    private const int TextLength = 10_000;
    private const int IdeaLength = 1_000;
    private const int NameLength = 200;

    private Guid Me => User.RequiredPersonId();

    private bool Has(string permission) => permissions.Has(User, permission);

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var me = Me;
        var now = time.UtcNow;
        var manager = Has(WorkshopPermissions.Manage);
        var upcoming = await RowsAsync(Visible(me, manager).Where(s => s.Status == WorkshopStatus.Open && s.StartsUtc > now).OrderBy(s => s.StartsUtc).Take(50), me);
        var mine = await RowsAsync(db.Set<WorkshopSession>().Where(s => s.EndsUtc > now && s.Status != WorkshopStatus.Cancelled
            && db.Set<Booking>().Any(b => b.SessionId == s.Id && b.UserId == me && b.Status != BookingStatus.Cancelled)).OrderBy(s => s.StartsUtc), me);
        var since = now.AddDays(-90);
        var facilitating = manager
            ? await RowsAsync(db.Set<WorkshopSession>().Where(s => s.FacilitatorId == me && s.EndsUtc > since && s.Status != WorkshopStatus.Cancelled).OrderBy(s => s.StartsUtc).Take(50), me)
            : [];
        var attended = await RowsAsync(db.Set<WorkshopSession>().Where(s => s.EndsUtc <= now && s.EndsUtc > since && s.Status != WorkshopStatus.Cancelled
            && db.Set<Booking>().Any(b => b.SessionId == s.Id && b.UserId == me && b.Status == BookingStatus.Booked)).OrderByDescending(s => s.StartsUtc).Take(20), me);
        return View(new WorkshopsPage(upcoming, mine, facilitating, attended, Has(WorkshopPermissions.Book), manager, Has(WorkshopPermissions.Request), now));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var page = await DetailsAsync(id);
        return page is null ? NotFound() : page.Value.Allowed ? View(page.Value.Model) : Forbid();
    }

    [RequirePermission(WorkshopPermissions.Book)]
    [HttpPost("{id:guid}/book")]
    public async Task<IActionResult> Book(Guid id, bool joinWaitlist)
    {
        var outcome = await workshops.BookAsync(id, Me, joinWaitlist);
        if (outcome.Ok)
        {
            TempData["Flash"] = outcome.Status == BookingStatus.Booked ? t["Booked"].Value : t["Waitlisted"].Value;
            return Redirect($"/workshops/{id}");
        }

        return await RefusedAsync(id, outcome);
    }

    [RequirePermission(WorkshopPermissions.Book)]
    [HttpPost("{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, bool confirmed = false)
    {
        if (!confirmed)
        {
            var me = Me;
            var booking = await (from s in db.Set<WorkshopSession>()
                                 join b in db.Set<Booking>() on s.Id equals b.SessionId
                                 where s.Id == id && b.UserId == me
                                 select new { s.Title, s.StartsUtc, b.Status }).FirstOrDefaultAsync();
            if (booking is not null && WorkshopRules.CancelRefusal(booking.StartsUtc, time.UtcNow, booking.Status) is null)
            {
                var when = time.Format(booking.StartsUtc);
                return View("Confirm", booking.Status == BookingStatus.Booked
                    ? new Confirmation(t["CancelBookingQuestion", booking.Title, when], t["CancelBookingConfirm"], t["CancelBookingKeep"], $"/workshops/{id}", t["CancelBookingDetail"])
                    : new Confirmation(t["LeaveWaitlistQuestion", booking.Title, when], t["LeaveWaitlistConfirm"], t["LeaveWaitlistKeep"], $"/workshops/{id}", t["LeaveWaitlistDetail"]));
            }
        }

        var outcome = await workshops.CancelAsync(id, Me);
        if (outcome.Ok)
        {
            TempData["Flash"] = t["BookingCancelled"].Value;
            return Redirect("/workshops");
        }

        return await RefusedAsync(id, outcome);
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/cancel-session")]
    public async Task<IActionResult> CancelSession(Guid id, bool confirmed = false)
    {
        var session = await db.Set<WorkshopSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return NotFound();
        }

        if (!MayRecord(session))
        {
            return Forbid();
        }

        if (!confirmed && session.Status == WorkshopStatus.Open && session.StartsUtc > time.UtcNow)
        {
            return View("Confirm", new Confirmation(t["CancelSessionQuestion", session.Title, time.Format(session.StartsUtc)], t["CancelSessionConfirm"], t["CancelSessionKeep"], $"/workshops/{id}", t["CancelSessionDetail"]));
        }

        var outcome = await workshops.CancelSessionAsync(id, Me);
        if (outcome.Ok)
        {
            TempData["Flash"] = t["SessionCancelledDone"].Value;
            return Redirect($"/workshops/{id}");
        }

        return await RefusedAsync(id, outcome);
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/record")]
    public async Task<IActionResult> Record(Guid id, RecordForm form)
    {
        var session = await db.Set<WorkshopSession>().FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return NotFound();
        }

        if (!MayRecord(session))
        {
            return Forbid();
        }

        if (session.Status == WorkshopStatus.Cancelled)
        {
            ModelState.AddModelError(string.Empty, t["SessionCancelled"]);
        }

        foreach (var (key, value) in new[] { (nameof(form.Critique), form.Critique), (nameof(form.VisionHowWeWork), form.VisionHowWeWork), (nameof(form.VisionValues), form.VisionValues), (nameof(form.VisionResidents), form.VisionResidents) })
        {
            if ((value?.Length ?? 0) > TextLength)
            {
                ModelState.AddModelError($"Record.{key}", t["TextTooLong", t["Field." + key], TextLength]);
            }
        }

        if (!ModelState.IsValid)
        {
            var page = (await DetailsAsync(id))!.Value.Model;
            page.Record = form;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Details", page);
        }

        var now = time.UtcNow;
        var record = await db.Set<WorkshopRecord>().FirstOrDefaultAsync(r => r.SessionId == id);
        if (record is null)
        {
            record = new WorkshopRecord { SessionId = id };
            db.Set<WorkshopRecord>().Add(record);
        }

        record.Critique = form.Critique?.Trim() ?? "";
        record.VisionHowWeWork = form.VisionHowWeWork?.Trim() ?? "";
        record.VisionValues = form.VisionValues?.Trim() ?? "";
        record.VisionResidents = form.VisionResidents?.Trim() ?? "";
        record.RecordedBy = Me;
        record.UpdatedUtc = now;
        if (session.StartsUtc <= now && session.Status == WorkshopStatus.Open)
        {
            session.Status = WorkshopStatus.Held;
        }

        db.AddAudit(now, Me, "workshops.recorded", id.ToString());
        await db.SaveChangesAsync();
        TempData["Flash"] = t["RecordSaved"].Value;
        return Redirect($"/workshops/{id}#record");
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/ideas")]
    public async Task<IActionResult> AddIdea(Guid id, string? newIdea)
    {
        var session = await db.Set<WorkshopSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        if (session is null)
        {
            return NotFound();
        }

        if (!MayRecord(session))
        {
            return Forbid();
        }

        var text = newIdea?.Trim() ?? "";
        if (text.Length == 0)
        {
            ModelState.AddModelError("NewIdea", t["IdeaRequired"]);
        }
        else if (text.Length > IdeaLength)
        {
            ModelState.AddModelError("NewIdea", t["TextTooLong", t["Field.NewIdea"], IdeaLength]);
        }

        if (!ModelState.IsValid)
        {
            var page = (await DetailsAsync(id))!.Value.Model;
            page.NewIdea = newIdea;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Details", page);
        }

        var now = time.UtcNow;
        db.Set<WorkshopIdea>().Add(new WorkshopIdea { SessionId = id, Text = text, CreatedUtc = now });
        db.AddAudit(now, Me, "workshops.idea-added", id.ToString());
        await db.SaveChangesAsync();
        TempData["Flash"] = t["IdeaAdded"].Value;
        return Redirect($"/workshops/{id}#ideas");
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/ideas/{ideaId:long}/remove")]
    public async Task<IActionResult> RemoveIdea(Guid id, long ideaId)
    {
        var session = await db.Set<WorkshopSession>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id);
        var idea = await db.Set<WorkshopIdea>().FirstOrDefaultAsync(i => i.Id == ideaId && i.SessionId == id);
        if (session is null || idea is null)
        {
            return NotFound();
        }

        if (!MayRecord(session))
        {
            return Forbid();
        }

        db.Set<WorkshopIdea>().Remove(idea);
        db.AddAudit(time.UtcNow, Me, "workshops.idea-removed", id.ToString(), ideaId.ToString());
        await db.SaveChangesAsync();
        TempData["Flash"] = t["IdeaRemoved"].Value;
        return Redirect($"/workshops/{id}#ideas");
    }

    /// <summary>One click: the idea becomes a draft PDSA test of the person clicking (a participant who held a place, or the facilitator).</summary>
    [HttpPost("{id:guid}/ideas/{ideaId:long}/pdsa")]
    public async Task<IActionResult> Pdsa(Guid id, long ideaId)
    {
        var page = await DetailsAsync(id);
        var idea = await db.Set<WorkshopIdea>().FirstOrDefaultAsync(i => i.Id == ideaId && i.SessionId == id);
        if (page is null || idea is null)
        {
            return NotFound();
        }

        var model = page.Value.Model;
        if (!page.Value.Allowed || !model.CanUseIdeas)
        {
            return Forbid();
        }

        var me = Me;
        if (idea.PdsaBy == me && idea.PdsaUrl is { } existing)
        {
            return LocalRedirect(existing);
        }

        var url = await HttpContext.RequestServices.GetRequiredService<IPracticalLogs>().StartPdsaAsync(me, idea.Text, $"workshop-idea:{idea.Id}");
        if (url is null)
        {
            ModelState.AddModelError(string.Empty, t["PdsaUnavailable"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Details", model);
        }

        // The idea remembers the first PDSA made from it; later clicks by others make their own (their origin is the same idea).
        if (idea.PdsaUrl is null)
        {
            idea.PdsaUrl = url.Length <= 300 ? url : null;
            idea.PdsaBy = me;
        }

        db.AddAudit(time.UtcNow, me, "workshops.idea-to-pdsa", id.ToString(), ideaId.ToString());
        await db.SaveChangesAsync();
        return Url.IsLocalUrl(url) ? LocalRedirect(url) : Redirect($"/workshops/{id}#ideas");
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpGet("new")]
    public async Task<IActionResult> Create()
    {
        var o = workshops.Settings;
        var form = new SessionForm
        {
            Title = t["DefaultTitle"], Date = time.Today.AddDays(1), Time = o.StartTime, EveryWeeks = o.EveryWeeks, Weekday = o.Weekday,
            DurationMinutes = o.DurationMinutes, Capacity = o.DefaultCapacity, FacilitatorId = Me,
        };
        return View("New", await WithFacilitatorsAsync(form));
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("new")]
    public async Task<IActionResult> Create(SessionForm form)
    {
        var o = workshops.Settings;
        var series = form.Mode != "single";
        if (form.Mode is not ("series" or "single"))
        {
            ModelState.AddModelError(nameof(form.Mode), t["ChooseFromList"]);
        }

        ValidateTitlePlace(form.Title, form.Place, "");
        if (form.Date is null && ModelState.GetFieldValidationState(nameof(form.Date)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(form.Date), t["DateRequired"]);
        }
        else if (form.Date < time.Today)
        {
            ModelState.AddModelError(nameof(form.Date), t["DateInPast"]);
        }

        if (form.Time is null)
        {
            ModelState.AddModelError(nameof(form.Time), t["TimeRequired"]);
        }

        if (series && (form.Count < 1 || form.Count > o.MaxSeriesLength))
        {
            ModelState.AddModelError(nameof(form.Count), t["CountRange", 1, o.MaxSeriesLength]);
        }

        if (series && (form.EveryWeeks < 1 || form.EveryWeeks > 8))
        {
            ModelState.AddModelError(nameof(form.EveryWeeks), t["EveryWeeksRange", 1, 8]);
        }

        if (series && !Enum.IsDefined(form.Weekday))
        {
            ModelState.AddModelError(nameof(form.Weekday), t["ChooseFromList"]);
        }

        ValidateDuration(form.DurationMinutes, nameof(form.DurationMinutes));
        if (!WorkshopRules.CapacityAllowed(form.Capacity, o))
        {
            ModelState.AddModelError(nameof(form.Capacity), t["CapacityRange", o.MinCapacity, o.MaxCapacity]);
        }

        var facilitators = FacilitatorIds();
        if (form.FacilitatorId is not { } facilitator || !await db.Users.AnyAsync(u => u.Id == facilitator && facilitators.Contains(u.Id)))
        {
            ModelState.AddModelError(nameof(form.FacilitatorId), t["ChooseFacilitator"]);
        }

        // Trainers create sessions they facilitate; administrators may name any trainer.
        if (form.FacilitatorId is { } f && f != Me && !Has(WorkshopPermissions.ManageAll))
        {
            ModelState.AddModelError(nameof(form.FacilitatorId), t["FacilitateYourself"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("New", await WithFacilitatorsAsync(form));
        }

        var zone = programme.Value.TimeZone;
        var slots = series
            ? WorkshopRules.Series(form.Date!.Value, form.Count, form.EveryWeeks, form.Weekday, form.Time!.Value, form.DurationMinutes, zone)
            : [WorkshopRules.Single(form.Date!.Value, form.Time!.Value, form.DurationMinutes, zone)];
        var ids = await workshops.CreateSessionsAsync(slots, form.Title!.Trim(), form.Place!.Trim(), form.Capacity, form.FacilitatorId!.Value, Me);
        TempData["Flash"] = t["SessionsCreated", ids.Count].Value;
        return Redirect(ids.Count == 1 ? $"/workshops/{ids[0]}" : "/workshops");
    }

    private void ValidateTitlePlace(string? title, string? place, string prefix)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            ModelState.AddModelError(prefix + "Title", t["TitleRequired"]);
        }
        else if (title.Trim().Length > NameLength)
        {
            ModelState.AddModelError(prefix + "Title", t["TextTooLong", t["Field.Title"], NameLength]);
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            ModelState.AddModelError(prefix + "Place", t["PlaceRequired"]);
        }
        else if (place.Trim().Length > NameLength)
        {
            ModelState.AddModelError(prefix + "Place", t["TextTooLong", t["Field.Place"], NameLength]);
        }
    }

    private void ValidateDuration(int minutes, string key)
    {
        if (minutes < 30 || minutes > 600)
        {
            ModelState.AddModelError(key, t["DurationRange", 30, 600]);
        }
    }

    private bool MayRecord(WorkshopSession session) =>
        Has(WorkshopPermissions.ManageAll) || (Has(WorkshopPermissions.Manage) && session.FacilitatorId == Me);

    private async Task<IActionResult> RefusedAsync(Guid id, WorkshopOutcome outcome)
    {
        if (outcome.Missing)
        {
            return NotFound();
        }

        var page = await DetailsAsync(id);
        if (page is null)
        {
            return NotFound();
        }

        if (outcome.Forbidden && !page.Value.Allowed)
        {
            return Forbid();
        }

        ModelState.AddModelError(string.Empty, outcome.Error ?? t["NotAllowed"]);
        Response.StatusCode = outcome.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        return View("Details", page.Value.Model);
    }

    private IQueryable<Guid> FacilitatorIds() =>
        from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Trainer select ur.UserId;

    private async Task<SessionForm> WithFacilitatorsAsync(SessionForm form)
    {
        var ids = FacilitatorIds();
        form.Facilitators = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new FacilitatorOption(u.Id, u.DisplayName)).ToListAsync();
        return form;
    }

    /// <summary>Sessions this person may see: all for trainers and administrators; on-site sessions otherwise only for the requesting unit.</summary>
    private IQueryable<WorkshopSession> Visible(Guid me, bool manager)
    {
        var sessions = db.Set<WorkshopSession>().AsNoTracking();
        return manager
            ? sessions
            : sessions.Where(s => s.RequestId == null || s.FacilitatorId == me || db.Set<OnSiteRequest>().Any(r => r.Id == s.RequestId
                && db.Teams.Any(x => x.Id == r.TeamId && (x.LeaderId == me || db.Users.Any(u => u.Id == me && u.TeamId == x.Id)))));
    }

    private Task<List<SessionRow>> RowsAsync(IQueryable<WorkshopSession> sessions, Guid me) =>
        sessions.Select(s => new SessionRow(
            s.Id, s.Title, s.Place, s.StartsUtc, s.EndsUtc, s.Capacity,
            db.Set<Booking>().Count(b => b.SessionId == s.Id && b.Status == BookingStatus.Booked),
            db.Set<Booking>().Count(b => b.SessionId == s.Id && b.Status == BookingStatus.Waitlisted),
            s.Status, s.FacilitatorId,
            db.Users.Where(u => u.Id == s.FacilitatorId).Select(u => u.DisplayName).FirstOrDefault(),
            s.RequestId != null,
            db.Set<Booking>().Where(b => b.SessionId == s.Id && b.UserId == me && b.Status != BookingStatus.Cancelled).Select(b => (BookingStatus?)b.Status).FirstOrDefault(),
            db.Set<Booking>().Where(b => b.SessionId == s.Id && b.UserId == me && b.Status == BookingStatus.Waitlisted)
                .Select(b => (int?)db.Set<Booking>().Count(o => o.SessionId == s.Id && o.Status == BookingStatus.Waitlisted && o.BookedUtc < b.BookedUtc) + 1)
                .FirstOrDefault())).ToListAsync();

    private async Task<(SessionDetails Model, bool Allowed)?> DetailsAsync(Guid id)
    {
        var me = Me;
        var manager = Has(WorkshopPermissions.Manage);
        var row = (await RowsAsync(db.Set<WorkshopSession>().Where(s => s.Id == id), me)).FirstOrDefault();
        if (row is null)
        {
            return null;
        }

        var allowed = await Visible(me, manager).AnyAsync(s => s.Id == id);
        var canRecord = Has(WorkshopPermissions.ManageAll) || (manager && row.FacilitatorId == me);
        var attended = row.Mine == BookingStatus.Booked;
        var canUseIdeas = attended || row.FacilitatorId == me || canRecord;
        var participants = canRecord
            ? await (from b in db.Set<Booking>()
                     join u in db.Users on b.UserId equals u.Id
                     where b.SessionId == id && b.Status != BookingStatus.Cancelled
                     orderby b.Status, b.BookedUtc, b.UserId
                     select new ParticipantRow(u.Id, u.DisplayName, b.Status, b.BookedUtc)).ToListAsync()
            : [];
        var record = canUseIdeas ? await db.Set<WorkshopRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.SessionId == id) : null;
        var ideas = canUseIdeas
            ? await db.Set<WorkshopIdea>().AsNoTracking().Where(i => i.SessionId == id).OrderBy(i => i.Id).Select(i => new IdeaRow(i.Id, i.Text, i.PdsaBy == me ? i.PdsaUrl : null, i.PdsaBy == me)).ToListAsync()
            : [];
        var model = new SessionDetails
        {
            Session = row,
            CanBook = Has(WorkshopPermissions.Book) && allowed,
            CanRecord = canRecord,
            CanUseIdeas = canUseIdeas,
            Participants = participants,
            HasRecord = record is not null,
            Record = record is null ? new RecordForm() : new RecordForm { Critique = record.Critique, VisionHowWeWork = record.VisionHowWeWork, VisionValues = record.VisionValues, VisionResidents = record.VisionResidents },
            Ideas = ideas,
            NowUtc = time.UtcNow,
        };
        return (model, allowed || canRecord);
    }
}
