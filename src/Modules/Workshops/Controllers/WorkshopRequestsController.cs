using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using ChangeAgentAcademy.Workshops.Resources;
using ChangeAgentAcademy.Workshops.Services;
using ChangeAgentAcademy.Workshops.ViewModels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Workshops.Controllers;

/// <summary>On-site workshops: leaders ask for one for their own team, trainers schedule or decline.</summary>
[RequirePermission(WorkshopPermissions.View)]
[Route("workshops/requests")]
public sealed class WorkshopRequestsController(
    AppDbContext db, WorkshopService workshops, IPermissionService permissions, ProgrammeTime time, IOptions<ProgrammeOptions> programme, IStringLocalizer<WorkshopsText> t) : Controller
{
    private const int WishesLength = 2_000;
    private const int MessageLength = 1_000;
    private const int NameLength = 200;

    private Guid Me => User.RequiredPersonId();

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var page = await PageAsync();
        return page.CanRequest || page.CanDecide ? View(page) : Forbid();
    }

    [RequirePermission(WorkshopPermissions.Request)]
    [HttpPost("")]
    public async Task<IActionResult> Create(RequestForm form)
    {
        var o = workshops.Settings;
        if (form.TeamId is null)
        {
            ModelState.AddModelError(nameof(form.TeamId), t["ChooseTeam"]);
        }

        if (form.Participants is not { } n || !WorkshopRules.OnSiteParticipantsAllowed(n, o))
        {
            ModelState.AddModelError(nameof(form.Participants), t["ParticipantsRange", o.OnSiteMinParticipants, o.OnSiteMaxParticipants]);
        }

        if ((form.Wishes?.Trim().Length ?? 0) > WishesLength)
        {
            ModelState.AddModelError(nameof(form.Wishes), t["TextTooLong", t["Field.Wishes"], WishesLength]);
        }

        if (ModelState.IsValid)
        {
            var outcome = await workshops.RequestAsync(Me, form.TeamId!.Value, form.Participants!.Value, form.Wishes ?? "");
            if (outcome.Forbidden)
            {
                return Forbid();
            }

            if (outcome.Ok)
            {
                TempData["Flash"] = t["RequestSent"].Value;
                return Redirect("/workshops/requests");
            }

            ModelState.AddModelError(string.Empty, outcome.Error!);
        }

        var page = await PageAsync();
        page.Form = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", page);
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/schedule")]
    public async Task<IActionResult> Schedule(Guid id, DecisionForm form)
    {
        var request = await db.Set<OnSiteRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return NotFound();
        }

        form.RequestId = id;
        var o = workshops.Settings;
        var prefix = "Decision.";
        if (string.IsNullOrWhiteSpace(form.Title) || form.Title.Trim().Length > NameLength)
        {
            ModelState.AddModelError(prefix + nameof(form.Title), string.IsNullOrWhiteSpace(form.Title) ? t["TitleRequired"] : t["TextTooLong", t["Field.Title"], NameLength]);
        }

        if (string.IsNullOrWhiteSpace(form.Place) || form.Place.Trim().Length > NameLength)
        {
            ModelState.AddModelError(prefix + nameof(form.Place), string.IsNullOrWhiteSpace(form.Place) ? t["PlaceRequired"] : t["TextTooLong", t["Field.Place"], NameLength]);
        }

        if (form.Date is null)
        {
            // The fields post without the prefix: a date refused by binding (out of range) shows under the field.
            var refused = ModelState[nameof(form.Date)]?.Errors.Select(e => e.ErrorMessage).FirstOrDefault();
            ModelState.AddModelError(prefix + nameof(form.Date), refused ?? t["DateRequired"]);
        }
        else if (form.Date < time.Today)
        {
            ModelState.AddModelError(prefix + nameof(form.Date), t["DateInPast"]);
        }

        if (form.Time is null)
        {
            ModelState.AddModelError(prefix + nameof(form.Time), t["TimeRequired"]);
        }

        if (form.DurationMinutes < 30 || form.DurationMinutes > 600)
        {
            ModelState.AddModelError(prefix + nameof(form.DurationMinutes), t["DurationRange", 30, 600]);
        }

        var capacity = form.Capacity ?? request.Participants;
        if (!WorkshopRules.CapacityAllowed(capacity, o))
        {
            ModelState.AddModelError(prefix + nameof(form.Capacity), t["CapacityRange", o.MinCapacity, o.MaxCapacity]);
        }

        if (ModelState.IsValid)
        {
            var slot = WorkshopRules.Single(form.Date!.Value, form.Time!.Value, form.DurationMinutes, programme.Value.TimeZone);
            if (slot.StartsUtc <= time.UtcNow)
            {
                ModelState.AddModelError(prefix + nameof(form.Time), t["DateInPast"]);
            }
            else
            {
                var outcome = await workshops.ScheduleAsync(id, slot, form.Title!.Trim(), form.Place!.Trim(), capacity, Me);
                if (outcome.Ok)
                {
                    TempData["Flash"] = t["RequestScheduled"].Value;
                    return Redirect($"/workshops/{outcome.SessionId}");
                }

                ModelState.AddModelError(string.Empty, outcome.Error ?? t["RequestNotPending"]);
            }
        }

        return await AgainAsync(form);
    }

    [RequirePermission(WorkshopPermissions.Manage)]
    [HttpPost("{id:guid}/decline")]
    public async Task<IActionResult> Decline(Guid id, DecisionForm form)
    {
        if (!await db.Set<OnSiteRequest>().AnyAsync(r => r.Id == id))
        {
            return NotFound();
        }

        form.RequestId = id;
        var message = form.Message?.Trim() ?? "";
        if (message.Length == 0)
        {
            ModelState.AddModelError("Decision.Message", t["DeclineMessageRequired"]);
        }
        else if (message.Length > MessageLength)
        {
            ModelState.AddModelError("Decision.Message", t["TextTooLong", t["Field.Message"], MessageLength]);
        }

        if (ModelState.IsValid)
        {
            var outcome = await workshops.DeclineAsync(id, message, Me);
            if (outcome.Ok)
            {
                TempData["Flash"] = t["RequestDeclined"].Value;
                return Redirect("/workshops/requests");
            }

            ModelState.AddModelError(string.Empty, outcome.Error ?? t["RequestNotPending"]);
        }

        return await AgainAsync(form);
    }

    private async Task<IActionResult> AgainAsync(DecisionForm form)
    {
        var page = await PageAsync();
        page.Decision = form;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", page);
    }

    private async Task<RequestsPage> PageAsync()
    {
        var me = Me;
        var canRequest = permissions.Has(User, WorkshopPermissions.Request);
        var canDecide = permissions.Has(User, WorkshopPermissions.Manage);
        var teams = canRequest
            ? await db.Teams.AsNoTracking().Where(x => x.LeaderId == me).OrderBy(x => x.Name).Select(x => new TeamOption(x.Id, x.Name)).ToListAsync()
            : [];
        var mine = canRequest ? await RowsAsync(db.Set<OnSiteRequest>().Where(r => r.LeaderId == me).OrderByDescending(r => r.CreatedUtc).Take(20)) : [];
        var pending = canDecide ? await RowsAsync(db.Set<OnSiteRequest>().Where(r => r.Status == RequestStatus.Pending).OrderBy(r => r.CreatedUtc).Take(100)) : [];
        var decided = canDecide ? await RowsAsync(db.Set<OnSiteRequest>().Where(r => r.Status != RequestStatus.Pending).OrderByDescending(r => r.DecidedUtc).Take(10)) : [];
        var o = workshops.Settings;
        return new RequestsPage
        {
            CanRequest = canRequest, CanDecide = canDecide, Teams = teams, MyRequests = mine, Pending = pending, Decided = decided,
            Form = new RequestForm { TeamId = teams.Count == 1 ? teams[0].Id : null },
            MinParticipants = o.OnSiteMinParticipants, MaxParticipants = o.OnSiteMaxParticipants,
        };
    }

    private async Task<List<RequestRow>> RowsAsync(IQueryable<OnSiteRequest> requests)
    {
        var rows = await requests.AsNoTracking().Select(r => new RequestRow(
            r.Id,
            db.Teams.Where(x => x.Id == r.TeamId).Select(x => x.Name).FirstOrDefault() ?? "",
            db.Users.Where(u => u.Id == r.LeaderId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            r.Participants, r.Wishes, r.Status, r.CreatedUtc, r.SessionId, null)).ToListAsync();
        // The decline message lives in the decision's audit entry (the request table has no column for it).
        var declined = rows.Where(r => r.Status == RequestStatus.Declined).Select(r => r.Id.ToString()).ToList();
        if (declined.Count == 0)
        {
            return rows;
        }

        var messages = (await db.Audit.AsNoTracking().Where(a => a.Action == "workshops.request-declined" && declined.Contains(a.Subject)).Select(a => new { a.Subject, a.Details }).ToListAsync())
            .GroupBy(a => a.Subject).ToDictionary(g => g.Key, g => g.Last().Details);
        return rows.Select(r => r with { Message = messages.GetValueOrDefault(r.Id.ToString()) }).ToList();
    }
}
