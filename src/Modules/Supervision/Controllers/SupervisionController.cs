using System.Globalization;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Resources;
using ChangeAgentAcademy.Supervision.Services;
using ChangeAgentAcademy.Supervision.ViewModels;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Supervision.Controllers;

/// <summary>
/// Supervision groups. Data scope is decided by <see cref="SupervisionService.AccessAsync"/>: anything a
/// person may not see answers 404, so outsiders cannot even tell a group or session exists.
/// </summary>
[RequirePermission(SupervisionPermissions.View)]
[Route("supervision")]
[AutoValidateAntiforgeryToken]
public sealed class SupervisionController(
    SupervisionPages pages, SupervisionService service, IMarkdownRenderer markdown, IOptions<SupervisionOptions> options, ProgrammeTime time, ICitizenDataCheck citizenData, IStringLocalizer<SupervisionText> S) : Controller
{
    private const int MaxContract = 20_000;
    private const int MaxNotes = 50_000;

    private Guid Me => User.RequiredPersonId();

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.IndexAsync(User));

    [RequirePermission(SupervisionPermissions.Create)]
    [HttpGet("new")]
    public async Task<IActionResult> Create() =>
        View(await pages.WithPeopleAsync(new NewGroupViewModel { StartDate = time.Today.AddDays(7), Weekday = time.Today.AddDays(7).DayOfWeek }));

    [RequirePermission(SupervisionPermissions.Create)]
    [HttpPost("new")]
    public async Task<IActionResult> Create(NewGroupViewModel form)
    {
        ModelState.Clear(); // binding messages are replaced by the module's own, field by field
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            ModelState.AddModelError(nameof(form.Name), S["NameRequired"]);
        }
        else if (form.Name.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(form.Name), S["NameTooLong", 200]);
        }

        if (form.StartDate is null && ModelState.GetFieldValidationState(nameof(form.StartDate)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(form.StartDate), S["StartDateRequired"]);
        }
        else if (form.StartDate < time.Today)
        {
            ModelState.AddModelError(nameof(form.StartDate), S["StartInPast"]);
        }

        if (form.StartTime is null)
        {
            ModelState.AddModelError(nameof(form.StartTime), S["StartTimeRequired"]);
        }

        if (!Enum.IsDefined(form.Weekday))
        {
            ModelState.AddModelError(nameof(form.Weekday), S["ChooseFromList"]);
        }

        if (form.Place is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(form.Place), S["PlaceTooLong", 200]);
        }

        if (form.SupervisorId is null)
        {
            ModelState.AddModelError(nameof(form.SupervisorId), S["ChooseSupervisor"]);
        }

        if (!ModelState.IsValid)
        {
            // The size and supervisor rules are still checked, so every problem is listed at once.
            if (form.SupervisorId is { } s && await service.SupervisorConflictAsync(s, form.MemberIds) is { } conflict)
            {
                ModelState.AddModelError(nameof(form.SupervisorId), conflict);
            }

            if (GroupRules.Size(form.MemberIds.Distinct().Count(), options.Value) == SizeVerdict.Refused)
            {
                ModelState.AddModelError(nameof(form.MemberIds), form.MemberIds.Count == 0 ? S["ChooseMembers"] : S["SizeRefused", form.MemberIds.Distinct().Count(), options.Value.HardMaximum]);
            }

            return Invalid(View(await pages.WithPeopleAsync(form)));
        }

        var result = await service.CreateAsync(new NewGroup(form.Name!, form.SupervisorId!.Value, form.MemberIds, form.StartDate!.Value, form.Weekday, form.StartTime!.Value, form.Place), Me);
        if (!result.Ok)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return Invalid(View(await pages.WithPeopleAsync(form)));
        }

        TempData.Success(string.Join(" ", [S["GroupCreated", form.Name!.Trim()].Value, .. result.Warnings]));
        return RedirectToAction(nameof(Group), new { groupId = result.Value });
    }

    [HttpGet("{groupId:guid}")]
    public async Task<IActionResult> Group(Guid groupId) =>
        await service.AccessAsync(User, groupId) is { SeesGroup: true } access ? View(await pages.GroupAsync(access, Me)) : NotFound();

    [HttpPost("{groupId:guid}/sessions")]
    public async Task<IActionResult> AddSession(Guid groupId, string? startsLocal)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsSupervisor: true })
        {
            return NotFound();
        }

        var error = ParseLocal(startsLocal, access.Group.TimeZone, out var utc);
        var result = error is null ? await service.AddSessionAsync(access.Group, utc, Me) : Result.Invalid(error);
        if (!result.Ok)
        {
            return Invalid(View("Group", await pages.GroupAsync(access, Me) with { NewSessionLocal = startsLocal, NewSessionError = result.Errors[0] }));
        }

        TempData.Success(S["SessionAdded"]);
        return RedirectToAction(nameof(Group), new { groupId });
    }

    [HttpPost("{groupId:guid}/members")]
    public async Task<IActionResult> AddMember(Guid groupId, Guid? personId)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { CanManage: true })
        {
            return NotFound();
        }

        var result = personId is { } id ? await service.AddMemberAsync(access.Group, id, Me) : Result.Invalid(S["ChooseMembersFromList"]);
        return Flash(result, S["MemberAdded"], ToGroup(groupId));
    }

    [HttpPost("{groupId:guid}/members/{personId:guid}/remove")]
    public async Task<IActionResult> RemoveMember(Guid groupId, Guid personId, bool confirmed = false)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { CanManage: true })
        {
            return NotFound();
        }

        if (!confirmed && await pages.MemberNameAsync(groupId, personId) is { } name)
        {
            return View("Confirm", new Confirmation(S["RemoveQuestion", name, access.Group.Name], S["RemoveConfirm", name], S["RemoveKeep", name], GroupUrl(groupId), S["RemoveDetail", name]));
        }

        return Flash(await service.RemoveMemberAsync(access.Group, personId, Me), S["MemberRemoved"], ToGroup(groupId));
    }

    /// <summary>A member leaves: voluntary, and nothing else in their programme changes.</summary>
    [HttpPost("{groupId:guid}/leave")]
    public async Task<IActionResult> Leave(Guid groupId, bool confirmed = false)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsMember: true })
        {
            return NotFound();
        }

        if (!confirmed)
        {
            return View("Confirm", new Confirmation(S["LeaveQuestion", access.Group.Name], S["LeaveConfirm"], S["LeaveKeep"], GroupUrl(groupId), S["LeaveText"]));
        }

        var result = await service.RemoveMemberAsync(access.Group, Me, Me);
        return Flash(result, S["YouLeft", access.Group.Name], RedirectToAction(nameof(Index)));
    }

    [HttpPost("{groupId:guid}/agree")]
    public async Task<IActionResult> Agree(Guid groupId, int version)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsMember: true })
        {
            return NotFound();
        }

        return Flash(await service.AgreeAsync(access.Group, Me, version), S["Agreed", version], ToGroup(groupId));
    }

    [HttpGet("{groupId:guid}/contract")]
    public async Task<IActionResult> Contract(Guid groupId)
    {
        var access = await service.AccessAsync(User, groupId);
        return access is { IsSupervisor: true } ? View(new ContractViewModel(groupId, access.Group.Name, access.Group.ContractVersion, access.Group.Contract)) : NotFound();
    }

    [HttpPost("{groupId:guid}/contract")]
    public async Task<IActionResult> Contract(Guid groupId, string? contract, bool citizenDataConfirmed = false)
    {
        var access = await service.AccessAsync(User, groupId, tracking: true);
        if (access is not { IsSupervisor: true })
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(contract) || contract.Length > MaxContract)
        {
            ModelState.AddModelError("contract", string.IsNullOrWhiteSpace(contract) ? S["ContractRequired"] : S["ContractTooLong", MaxContract]);
            return Invalid(View(new ContractViewModel(groupId, access.Group.Name, access.Group.ContractVersion, contract ?? "")));
        }

        // Nothing is saved while the text may identify a citizen, unless the supervisor saves anyway; the text stays in the form.
        if (!citizenDataConfirmed && CitizenDataWarning.Check(citizenData, contract) is { } warning)
        {
            return View(new ContractViewModel(groupId, access.Group.Name, access.Group.ContractVersion, contract, warning));
        }

        await service.SaveContractAsync(access.Group, contract, Me);
        TempData.Success(S["ContractSaved", access.Group.ContractVersion]);
        return ToGroup(groupId);
    }

    [HttpGet("{groupId:guid}/sessions/{sessionId:long}")]
    public async Task<IActionResult> Session(Guid groupId, long sessionId)
    {
        var (access, session) = await service.SessionAccessAsync(User, groupId, sessionId);
        return access is null || session is null ? NotFound() : View(await pages.SessionAsync(access, session));
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/move")]
    public async Task<IActionResult> Move(Guid groupId, long sessionId, string? startsLocal)
    {
        var (access, session) = await service.SessionAccessAsync(User, groupId, sessionId, tracking: true);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        var error = ParseLocal(startsLocal, access.Group.TimeZone, out var utc);
        var result = error is null ? await service.MoveAsync(session, utc, Me) : Result.Invalid(error);
        if (!result.Ok)
        {
            ModelState.AddModelError("startsLocal", result.Errors[0]);
            return Invalid(View("Session", await pages.SessionAsync(access, session) with { MoveLocal = startsLocal }));
        }

        TempData.Success(S["SessionMoved"]);
        return ToSession(groupId, sessionId);
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/cancel")]
    public async Task<IActionResult> Cancel(Guid groupId, long sessionId, bool confirmed = false)
    {
        var (access, session) = await service.SessionAccessAsync(User, groupId, sessionId, tracking: true);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        if (!confirmed && SessionCalendar.CanChange(session.Status, session.StartsUtc, time.UtcNow))
        {
            var back = Url.Action(nameof(Session), new { groupId, sessionId })!;
            return View("Confirm", new Confirmation(S["CancelQuestion", time.Format(session.StartsUtc)], S["CancelConfirm"], S["CancelKeep"], back, S["CancelDetail"]));
        }

        return Flash(await service.CancelAsync(session, Me), S["SessionCancelled"], ToSession(groupId, sessionId));
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/swap")]
    public async Task<IActionResult> Swap(Guid groupId, long sessionId, Guid? from, Guid? to)
    {
        var (access, session) = await service.SessionAccessAsync(User, groupId, sessionId);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        var result = from is { } f && to is { } tt ? await service.SwapAsync(session, f, tt, Me) : Result.Invalid(S["SwapInvalid"]);
        return Flash(result, S["Swapped"], ToSession(groupId, sessionId));
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/attendance")]
    public async Task<IActionResult> Attendance(Guid groupId, long sessionId, List<Guid> present, List<Guid> presented)
    {
        var (access, session) = await service.SessionAccessAsync(User, groupId, sessionId, tracking: true);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        return Flash(await service.RecordAttendanceAsync(session, present, presented, Me), S["AttendanceSaved"], ToSession(groupId, sessionId));
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/notes")]
    public async Task<IActionResult> Notes(Guid groupId, long sessionId, string? notes, bool citizenDataConfirmed = false)
    {
        var (access, session) = await service.SessionAccessAsync(User, groupId, sessionId, tracking: true);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        if (notes is { Length: > MaxNotes })
        {
            ModelState.AddModelError("notes", S["NotesTooLong", MaxNotes]);
            return Invalid(View("Session", await pages.SessionAsync(access, session) with { NotesDraft = notes }));
        }

        if (!citizenDataConfirmed && CitizenDataWarning.Check(citizenData, notes) is { } warning)
        {
            return View("Session", await pages.SessionAsync(access, session) with { NotesDraft = notes, NotesCitizenData = warning });
        }

        await service.SaveNotesAsync(session, notes ?? "", markdown.ToSafeHtml(notes ?? ""), Me);
        TempData.Success(S["NotesSaved"]);
        return ToSession(groupId, sessionId);
    }

    [HttpGet("{groupId:guid}/evaluation")]
    public async Task<IActionResult> Evaluation(Guid groupId)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsMember: true } and not { SeesAggregates: true })
        {
            return NotFound();
        }

        return View(await pages.EvaluationAsync(access, Me));
    }

    [HttpPost("{groupId:guid}/evaluation")]
    public async Task<IActionResult> Evaluation(Guid groupId, long point, int space, int frame, int usefulness, int safety, string? comment, bool citizenDataConfirmed = false)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsMember: true })
        {
            return NotFound();
        }

        var answers = new EvaluationAnswers(space, frame, usefulness, safety, comment);
        if (!citizenDataConfirmed && CitizenDataWarning.Check(citizenData, comment) is { } warning)
        {
            return View(await pages.EvaluationAsync(access, Me) with { Typed = answers, CitizenData = warning });
        }

        var result = await service.AnswerAsync(access.Group, Me, point, answers);
        if (!result.Ok)
        {
            ModelState.AddModelError(string.Empty, result.Errors[0]);
            return Invalid(View(await pages.EvaluationAsync(access, Me) with { Typed = answers }));
        }

        TempData.Success(S["EvaluationThanks"]);
        return ToGroup(groupId);
    }

    private string? ParseLocal(string? value, string timeZone, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(value) || !DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return S["ChooseDateTime"];
        }

        if (!InputDates.IsSane(local))
        {
            return S["DateOutOfRange", InputDates.MinYear, InputDates.MaxYear];
        }

        SessionCalendar.LocalToUtc(local, TimeZoneInfo.FindSystemTimeZoneById(timeZone), out utc);
        return null;
    }

    private string GroupUrl(Guid groupId) => Url.Action(nameof(Group), new { groupId })!;

    private RedirectToActionResult ToGroup(Guid groupId) => RedirectToAction(nameof(Group), new { groupId });

    private RedirectToActionResult ToSession(Guid groupId, long sessionId) => RedirectToAction(nameof(Session), new { groupId, sessionId });

    /// <summary>The one-line message after a command: the success with any warnings, or every error.</summary>
    private IActionResult Flash(Result result, LocalizedString success, IActionResult next)
    {
        if (result.Ok)
        {
            TempData.Success(string.Join(" ", [success.Value, .. result.Warnings]));
        }
        else
        {
            TempData.Error(string.Join(" ", result.Errors));
        }

        return next;
    }

    private IActionResult Invalid(ViewResult view)
    {
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
