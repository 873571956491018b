using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using ChangeAgentAcademy.Workshops.Resources;
using ChangeAgentAcademy.Workshops.Services;
using ChangeAgentAcademy.Workshops.ViewModels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Workshops.Controllers;

/// <summary>The workshop calendar, booking and the waiting list, creating sessions, and the facilitator's record with its ideas.</summary>
[RequirePermission(WorkshopPermissions.View)]
[Route("workshops")]
public sealed class WorkshopsController(
    WorkshopPages pages, WorkshopService workshops, IPermissionService permissions, ProgrammeTime time, IOptions<ProgrammeOptions> programme, ICitizenDataCheck citizenData, IStringLocalizer<WorkshopsText> S) : Controller
{
    private const int TextLength = 10_000;
    private const int IdeaLength = 1_000;
    private const int NameLength = 200;

    private Guid Me => User.RequiredPersonId();

    private bool Has(string permission) => permissions.Has(User, permission);

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.IndexAsync(User));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var page = await pages.DetailsAsync(User, id);
        return page is null ? NotFound() : page.Value.Allowed ? View(page.Value.Model) : Forbid();
    }

    [RequirePermission(WorkshopPermissions.Book)]
    [HttpPost("{id:guid}/book")]
    public async Task<IActionResult> Book(Guid id, bool joinWaitlist)
    {
        var result = await workshops.BookAsync(id, Me, joinWaitlist);
        if (result.Ok)
        {
            TempData.Success(result.Value == BookingStatus.Booked ? S["Booked"] : S["Waitlisted"]);
            return RedirectToAction(nameof(Details), new { id });
        }

        return await RefusedAsync(id, result);
    }

    [RequirePermission(WorkshopPermissions.Book)]
    [HttpPost("{id:guid}/cancel")]
    public async Task<IActionResult> Cancel(Guid id, bool confirmed = false)
    {
        if (!confirmed && await pages.CancellableBookingAsync(id, Me) is { } booking)
        {
            var when = time.Format(booking.StartsUtc);
            var back = Url.Action(nameof(Details), new { id })!;
            return View("Confirm", booking.Status == BookingStatus.Booked
                ? new Confirmation(S["CancelBookingQuestion", booking.Title, when], S["CancelBookingConfirm"], S["CancelBookingKeep"], back, S["CancelBookingDetail"])
                : new Confirmation(S["LeaveWaitlistQuestion", booking.Title, when], S["LeaveWaitlistConfirm"], S["LeaveWaitlistKeep"], back, S["LeaveWaitlistDetail"]));
        }

        var result = await workshops.CancelAsync(id, Me);
        if (result.Ok)
        {
            TempData.Success(S["BookingCancelled"]);
            return RedirectToAction(nameof(Index));
        }

        return await RefusedAsync(id, result);
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/cancel-session")]
    public async Task<IActionResult> CancelSession(Guid id, bool confirmed = false)
    {
        var session = await pages.SessionAsync(id);
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
            return View("Confirm", new Confirmation(S["CancelSessionQuestion", session.Title, time.Format(session.StartsUtc)], S["CancelSessionConfirm"], S["CancelSessionKeep"], Url.Action(nameof(Details), new { id })!, S["CancelSessionDetail"]));
        }

        var result = await workshops.CancelSessionAsync(id, Me);
        if (result.Ok)
        {
            TempData.Success(S["SessionCancelledDone"]);
            return RedirectToAction(nameof(Details), new { id });
        }

        return await RefusedAsync(id, result);
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/record")]
    public async Task<IActionResult> Record(Guid id, RecordViewModel form, bool citizenDataConfirmed = false)
    {
        var session = await pages.SessionAsync(id);
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
            ModelState.AddModelError(string.Empty, S["SessionCancelled"]);
        }

        foreach (var (key, value) in new[] { (nameof(form.Critique), form.Critique), (nameof(form.VisionHowWeWork), form.VisionHowWeWork), (nameof(form.VisionValues), form.VisionValues), (nameof(form.VisionResidents), form.VisionResidents) })
        {
            if ((value?.Length ?? 0) > TextLength)
            {
                ModelState.AddModelError($"Record.{key}", S["TextTooLong", S["Field." + key], TextLength]);
            }
        }

        if (!ModelState.IsValid)
        {
            var page = (await pages.DetailsAsync(User, id))!.Value.Model;
            page.Record = form;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Details", page);
        }

        // Nothing is saved while the record may identify a citizen, unless saved anyway; what was typed stays in the form.
        if (!citizenDataConfirmed && CitizenDataWarning.CheckAll(citizenData, form.Critique, form.VisionHowWeWork, form.VisionValues, form.VisionResidents) is { } warning)
        {
            var page = (await pages.DetailsAsync(User, id))!.Value.Model;
            page.Record = form;
            page.RecordCitizenData = warning;
            return View("Details", page);
        }

        var result = await workshops.RecordAsync(id, form.Critique, form.VisionHowWeWork, form.VisionValues, form.VisionResidents, Me);
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData.Success(S["RecordSaved"]);
        return RedirectToAction(nameof(Details), null, new { id }, "record");
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/ideas")]
    public async Task<IActionResult> AddIdea(Guid id, string? newIdea, bool citizenDataConfirmed = false)
    {
        var session = await pages.SessionAsync(id);
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
            ModelState.AddModelError("NewIdea", S["IdeaRequired"]);
        }
        else if (text.Length > IdeaLength)
        {
            ModelState.AddModelError("NewIdea", S["TextTooLong", S["Field.NewIdea"], IdeaLength]);
        }

        if (!ModelState.IsValid)
        {
            var page = (await pages.DetailsAsync(User, id))!.Value.Model;
            page.NewIdea = newIdea;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Details", page);
        }

        if (!citizenDataConfirmed && CitizenDataWarning.Check(citizenData, text) is { } ideaWarning)
        {
            var page = (await pages.DetailsAsync(User, id))!.Value.Model;
            page.NewIdea = newIdea;
            page.IdeaCitizenData = ideaWarning;
            return View("Details", page);
        }

        await workshops.AddIdeaAsync(id, text, Me);
        TempData.Success(S["IdeaAdded"]);
        return RedirectToAction(nameof(Details), null, new { id }, "ideas");
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/ideas/{ideaId:long}/remove")]
    public async Task<IActionResult> RemoveIdea(Guid id, long ideaId)
    {
        var session = await pages.SessionAsync(id);
        if (session is null || await pages.IdeaAsync(id, ideaId) is null)
        {
            return NotFound();
        }

        if (!MayRecord(session))
        {
            return Forbid();
        }

        if ((await workshops.RemoveIdeaAsync(id, ideaId, Me)).Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData.Success(S["IdeaRemoved"]);
        return RedirectToAction(nameof(Details), null, new { id }, "ideas");
    }

    /// <summary>One click: the idea becomes a draft PDSA test of the person clicking (a participant who held a place, or the facilitator).</summary>
    [HttpPost("{id:guid}/ideas/{ideaId:long}/pdsa")]
    public async Task<IActionResult> Pdsa(Guid id, long ideaId)
    {
        var page = await pages.DetailsAsync(User, id);
        var idea = await pages.IdeaAsync(id, ideaId);
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

        var result = await workshops.StartPdsaAsync(id, ideaId, me);
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Ok)
        {
            ModelState.AddModelError(string.Empty, result.Error ?? S["PdsaUnavailable"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("Details", model);
        }

        var url = result.Value!;
        return Url.IsLocalUrl(url) ? LocalRedirect(url) : RedirectToAction(nameof(Details), null, new { id }, "ideas");
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpGet("new")]
    public async Task<IActionResult> Create()
    {
        var o = workshops.Settings;
        var form = new NewSessionsViewModel
        {
            Title = S["DefaultTitle"], Date = time.Today.AddDays(1), Time = o.StartTime, EveryWeeks = o.EveryWeeks, Weekday = o.Weekday,
            DurationMinutes = o.DurationMinutes, Capacity = o.DefaultCapacity, FacilitatorId = Me,
        };
        return View("New", await pages.WithFacilitatorsAsync(form));
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("new")]
    public async Task<IActionResult> Create(NewSessionsViewModel form)
    {
        var o = workshops.Settings;
        var series = form.Mode != "single";
        if (form.Mode is not ("series" or "single"))
        {
            ModelState.AddModelError(nameof(form.Mode), S["ChooseFromList"]);
        }

        ValidateTitlePlace(form.Title, form.Place, "");
        if (form.Date is null && ModelState.GetFieldValidationState(nameof(form.Date)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(form.Date), S["DateRequired"]);
        }
        else if (form.Date < time.Today)
        {
            ModelState.AddModelError(nameof(form.Date), S["DateInPast"]);
        }

        if (form.Time is null)
        {
            ModelState.AddModelError(nameof(form.Time), S["TimeRequired"]);
        }

        if (series && (form.Count < 1 || form.Count > o.MaxSeriesLength))
        {
            ModelState.AddModelError(nameof(form.Count), S["CountRange", 1, o.MaxSeriesLength]);
        }

        if (series && (form.EveryWeeks < 1 || form.EveryWeeks > 8))
        {
            ModelState.AddModelError(nameof(form.EveryWeeks), S["EveryWeeksRange", 1, 8]);
        }

        if (series && !Enum.IsDefined(form.Weekday))
        {
            ModelState.AddModelError(nameof(form.Weekday), S["ChooseFromList"]);
        }

        ValidateDuration(form.DurationMinutes, nameof(form.DurationMinutes));
        if (!WorkshopRules.CapacityAllowed(form.Capacity, o))
        {
            ModelState.AddModelError(nameof(form.Capacity), S["CapacityRange", o.MinCapacity, o.MaxCapacity]);
        }

        if (form.FacilitatorId is not { } facilitator || !await pages.IsFacilitatorAsync(facilitator))
        {
            ModelState.AddModelError(nameof(form.FacilitatorId), S["ChooseFacilitator"]);
        }

        // Trainers create sessions they facilitate; administrators may name any trainer.
        if (form.FacilitatorId is { } f && f != Me && !Has(WorkshopPermissions.ManageAll))
        {
            ModelState.AddModelError(nameof(form.FacilitatorId), S["FacilitateYourself"]);
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("New", await pages.WithFacilitatorsAsync(form));
        }

        var zone = programme.Value.TimeZone;
        var slots = series
            ? WorkshopRules.Series(form.Date!.Value, form.Count, form.EveryWeeks, form.Weekday, form.Time!.Value, form.DurationMinutes, zone)
            : [WorkshopRules.Single(form.Date!.Value, form.Time!.Value, form.DurationMinutes, zone)];
        var ids = await workshops.CreateSessionsAsync(slots, form.Title!.Trim(), form.Place!.Trim(), form.Capacity, form.FacilitatorId!.Value, Me);
        TempData.Success(S["SessionsCreated", ids.Count]);
        return ids.Count == 1 ? RedirectToAction(nameof(Details), new { id = ids[0] }) : RedirectToAction(nameof(Index));
    }

    private void ValidateTitlePlace(string? title, string? place, string prefix)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            ModelState.AddModelError(prefix + "Title", S["TitleRequired"]);
        }
        else if (title.Trim().Length > NameLength)
        {
            ModelState.AddModelError(prefix + "Title", S["TextTooLong", S["Field.Title"], NameLength]);
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            ModelState.AddModelError(prefix + "Place", S["PlaceRequired"]);
        }
        else if (place.Trim().Length > NameLength)
        {
            ModelState.AddModelError(prefix + "Place", S["TextTooLong", S["Field.Place"], NameLength]);
        }
    }

    private void ValidateDuration(int minutes, string key)
    {
        if (minutes < 30 || minutes > 600)
        {
            ModelState.AddModelError(key, S["DurationRange", 30, 600]);
        }
    }

    private bool MayRecord(WorkshopSession session) =>
        Has(WorkshopPermissions.ManageAll) || (Has(WorkshopPermissions.Manage) && session.FacilitatorId == Me);

    private async Task<IActionResult> RefusedAsync(Guid id, Result result)
    {
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        var page = await pages.DetailsAsync(User, id);
        if (page is null)
        {
            return NotFound();
        }

        var forbidden = result.Status is ResultStatus.Forbidden;
        if (forbidden && !page.Value.Allowed)
        {
            return Forbid();
        }

        ModelState.AddModelError(string.Empty, result.Error ?? S["NotAllowed"]);
        Response.StatusCode = forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status409Conflict;
        return View("Details", page.Value.Model);
    }
}
