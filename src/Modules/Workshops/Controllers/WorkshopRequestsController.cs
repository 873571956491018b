using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Resources;
using ChangeAgentAcademy.Workshops.Services;
using ChangeAgentAcademy.Workshops.ViewModels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Workshops.Controllers;

/// <summary>On-site workshops: leaders ask for one for their own team, trainers schedule or decline.</summary>
[RequirePermission(WorkshopPermissions.View)]
[Route("workshops/requests")]
public sealed class WorkshopRequestsController(
    WorkshopRequestPages pages, WorkshopService workshops, ICitizenDataCheck citizenData, ProgrammeTime time, IOptions<ProgrammeOptions> programme, IStringLocalizer<WorkshopsText> S) : Controller
{
    private const int WishesLength = 2_000;
    private const int MessageLength = 1_000;
    private const int NameLength = 200;

    private Guid Me => User.RequiredPersonId();

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var page = await pages.IndexAsync(User);
        return page.CanRequest || page.CanDecide ? View(page) : Forbid();
    }

    [RequirePermission(WorkshopPermissions.Request)]
    [HttpPost("")]
    public async Task<IActionResult> Create(OnSiteRequestViewModel form, bool citizenDataConfirmed = false)
    {
        var o = workshops.Settings;
        if (form.TeamId is null)
        {
            ModelState.AddModelError(nameof(form.TeamId), S["ChooseTeam"]);
        }

        if (form.Participants is not { } n || !WorkshopRules.OnSiteParticipantsAllowed(n, o))
        {
            ModelState.AddModelError(nameof(form.Participants), S["ParticipantsRange", o.OnSiteMinParticipants, o.OnSiteMaxParticipants]);
        }

        if ((form.Wishes?.Trim().Length ?? 0) > WishesLength)
        {
            ModelState.AddModelError(nameof(form.Wishes), S["TextTooLong", S["Field.Wishes"], WishesLength]);
        }

        // The wishes are read by trainers: nothing is sent while they may identify a citizen, unless sent anyway (#15).
        if (ModelState.IsValid && !citizenDataConfirmed && CitizenDataWarning.Check(citizenData, form.Wishes) is { } warning)
        {
            var warned = await pages.IndexAsync(User);
            warned.Form = form;
            warned.WishesCitizenData = warning;
            return View("Index", warned);
        }

        if (ModelState.IsValid)
        {
            var result = await workshops.RequestAsync(Me, form.TeamId!.Value, form.Participants!.Value, form.Wishes ?? "");
            if (result.Status is ResultStatus.Forbidden)
            {
                return Forbid();
            }

            if (result.Ok)
            {
                TempData.Success(S["RequestSent"]);
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(string.Empty, result.Error!);
        }

        var page = await pages.IndexAsync(User);
        page.Form = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", page);
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/schedule")]
    public async Task<IActionResult> Schedule(Guid id, DecisionViewModel form)
    {
        var request = await pages.RequestAsync(id);
        if (request is null)
        {
            return NotFound();
        }

        form.RequestId = id;
        var o = workshops.Settings;
        var prefix = "Decision.";
        if (string.IsNullOrWhiteSpace(form.Title) || form.Title.Trim().Length > NameLength)
        {
            ModelState.AddModelError(prefix + nameof(form.Title), string.IsNullOrWhiteSpace(form.Title) ? S["TitleRequired"] : S["TextTooLong", S["Field.Title"], NameLength]);
        }

        if (string.IsNullOrWhiteSpace(form.Place) || form.Place.Trim().Length > NameLength)
        {
            ModelState.AddModelError(prefix + nameof(form.Place), string.IsNullOrWhiteSpace(form.Place) ? S["PlaceRequired"] : S["TextTooLong", S["Field.Place"], NameLength]);
        }

        if (form.Date is null)
        {
            // The fields post without the prefix: a date refused by binding (out of range) shows under the field.
            var refused = ModelState[nameof(form.Date)]?.Errors.Select(e => e.ErrorMessage).FirstOrDefault();
            ModelState.AddModelError(prefix + nameof(form.Date), refused ?? S["DateRequired"]);
        }
        else if (form.Date < time.Today)
        {
            ModelState.AddModelError(prefix + nameof(form.Date), S["DateInPast"]);
        }

        if (form.Time is null)
        {
            ModelState.AddModelError(prefix + nameof(form.Time), S["TimeRequired"]);
        }

        if (form.DurationMinutes < 30 || form.DurationMinutes > 600)
        {
            ModelState.AddModelError(prefix + nameof(form.DurationMinutes), S["DurationRange", 30, 600]);
        }

        var capacity = form.Capacity ?? request.Participants;
        if (!WorkshopRules.CapacityAllowed(capacity, o))
        {
            ModelState.AddModelError(prefix + nameof(form.Capacity), S["CapacityRange", o.MinCapacity, o.MaxCapacity]);
        }

        if (ModelState.IsValid)
        {
            var slot = WorkshopRules.Single(form.Date!.Value, form.Time!.Value, form.DurationMinutes, programme.Value.TimeZone);
            if (slot.StartsUtc <= time.UtcNow)
            {
                ModelState.AddModelError(prefix + nameof(form.Time), S["DateInPast"]);
            }
            else
            {
                var result = await workshops.ScheduleAsync(id, slot, form.Title!.Trim(), form.Place!.Trim(), capacity, Me);
                if (result.Ok)
                {
                    TempData.Success(S["RequestScheduled"]);
                    return RedirectToAction(nameof(WorkshopsController.Details), "Workshops", new { id = result.Value });
                }

                ModelState.AddModelError(string.Empty, result.Error ?? S["RequestNotPending"]);
            }
        }

        return await AgainAsync(form);
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/decline")]
    public async Task<IActionResult> Decline(Guid id, DecisionViewModel form, bool citizenDataConfirmed = false)
    {
        if (await pages.RequestAsync(id) is null)
        {
            return NotFound();
        }

        form.RequestId = id;
        var message = form.Message?.Trim() ?? "";
        if (message.Length == 0)
        {
            ModelState.AddModelError("Decision.Message", S["DeclineMessageRequired"]);
        }
        else if (message.Length > MessageLength)
        {
            ModelState.AddModelError("Decision.Message", S["TextTooLong", S["Field.Message"], MessageLength]);
        }

        // The message goes to the leader: nothing is sent while it may identify a citizen, unless sent anyway (#15).
        if (ModelState.IsValid && !citizenDataConfirmed && CitizenDataWarning.Check(citizenData, message) is { } warning)
        {
            var warned = await pages.IndexAsync(User);
            warned.Decision = form;
            warned.MessageCitizenData = warning;
            return View("Index", warned);
        }

        if (ModelState.IsValid)
        {
            var result = await workshops.DeclineAsync(id, message, Me);
            if (result.Ok)
            {
                TempData.Success(S["RequestDeclined"]);
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(string.Empty, result.Error ?? S["RequestNotPending"]);
        }

        return await AgainAsync(form);
    }

    private async Task<IActionResult> AgainAsync(DecisionViewModel form)
    {
        var page = await pages.IndexAsync(User);
        page.Decision = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", page);
    }
}
