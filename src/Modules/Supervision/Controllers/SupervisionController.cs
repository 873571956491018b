using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Resources;
using ChangeAgentAcademy.Supervision.Services;
using ChangeAgentAcademy.Supervision.ViewModels;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
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
    AppDbContext db, SupervisionService service, IPermissionService permissions, IMarkdownRenderer markdown, IOptions<SupervisionOptions> options, ProgrammeTime time, IStringLocalizer<SupervisionText> t) : Controller
{
    private const int MaxContract = 20_000;
    private const int MaxNotes = 50_000;

    private Guid Me => User.RequiredPersonId();

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var me = Me;
        var now = time.UtcNow;
        var rows = await service.Visible(User).OrderBy(g => g.Name)
            .Select(g => new GroupRow(g.Id, g.Name, db.Users.Where(u => u.Id == g.SupervisorId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
                db.Set<GroupMember>().Count(m => m.GroupId == g.Id && m.LeftUtc == null),
                db.Set<SupervisionSession>().Where(s => s.GroupId == g.Id && s.Status == SessionStatus.Planned && s.StartsUtc > now).Min(s => (DateTime?)s.StartsUtc),
                g.SupervisorId == me, db.Set<GroupMember>().Any(m => m.GroupId == g.Id && m.UserId == me && m.LeftUtc == null)))
            .ToListAsync();
        return View(new GroupIndex(rows, permissions.Has(User, SupervisionPermissions.Create)));
    }

    [RequirePermission(SupervisionPermissions.Create)]
    [HttpGet("new")]
    public async Task<IActionResult> Create() =>
        View(await WithPeople(new GroupForm { StartDate = time.Today.AddDays(7), Weekday = time.Today.AddDays(7).DayOfWeek }));

    [RequirePermission(SupervisionPermissions.Create)]
    [HttpPost("new")]
    public async Task<IActionResult> Create(GroupForm form)
    {
        ModelState.Clear(); // binding messages are replaced by the module's own, field by field
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            ModelState.AddModelError(nameof(form.Name), t["NameRequired"]);
        }
        else if (form.Name.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(form.Name), t["NameTooLong", 200]);
        }

        if (form.StartDate is null && ModelState.GetFieldValidationState(nameof(form.StartDate)) != ModelValidationState.Invalid)
        {
            ModelState.AddModelError(nameof(form.StartDate), t["StartDateRequired"]);
        }
        else if (form.StartDate < time.Today)
        {
            ModelState.AddModelError(nameof(form.StartDate), t["StartInPast"]);
        }

        if (form.StartTime is null)
        {
            ModelState.AddModelError(nameof(form.StartTime), t["StartTimeRequired"]);
        }

        if (!Enum.IsDefined(form.Weekday))
        {
            ModelState.AddModelError(nameof(form.Weekday), t["ChooseFromList"]);
        }

        if (form.Place is { Length: > 200 })
        {
            ModelState.AddModelError(nameof(form.Place), t["PlaceTooLong", 200]);
        }

        if (form.SupervisorId is null)
        {
            ModelState.AddModelError(nameof(form.SupervisorId), t["ChooseSupervisor"]);
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
                ModelState.AddModelError(nameof(form.MemberIds), form.MemberIds.Count == 0 ? t["ChooseMembers"] : t["SizeRefused", form.MemberIds.Distinct().Count(), options.Value.HardMaximum]);
            }

            return Invalid(View(await WithPeople(form)));
        }

        var (outcome, id) = await service.CreateAsync(new NewGroup(form.Name!, form.SupervisorId!.Value, form.MemberIds, form.StartDate!.Value, form.Weekday, form.StartTime!.Value, form.Place), Me);
        if (!outcome.Ok)
        {
            foreach (var error in outcome.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            return Invalid(View(await WithPeople(form)));
        }

        TempData["Flash"] = string.Join(" ", [t["GroupCreated", form.Name!.Trim()].Value, .. outcome.Warnings]);
        return Redirect($"/supervision/{id}");
    }

    [HttpGet("{groupId:guid}")]
    public async Task<IActionResult> Group(Guid groupId) =>
        await service.AccessAsync(User, groupId) is { SeesGroup: true } access ? View(await GroupPageAsync(access)) : NotFound();

    [HttpPost("{groupId:guid}/sessions")]
    public async Task<IActionResult> AddSession(Guid groupId, string? startsLocal)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsSupervisor: true })
        {
            return NotFound();
        }

        var error = ParseLocal(startsLocal, access.Group.TimeZone, out var utc);
        var outcome = error is null ? await service.AddSessionAsync(access.Group, utc, Me) : Outcome.Fail(error);
        if (!outcome.Ok)
        {
            return Invalid(View("Group", await GroupPageAsync(access) with { NewSessionLocal = startsLocal, NewSessionError = outcome.Errors[0] }));
        }

        TempData["Flash"] = t["SessionAdded"].Value;
        return Redirect($"/supervision/{groupId}");
    }

    [HttpPost("{groupId:guid}/members")]
    public async Task<IActionResult> AddMember(Guid groupId, Guid? personId)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { CanManage: true })
        {
            return NotFound();
        }

        var outcome = personId is { } id ? await service.AddMemberAsync(access.Group, id, Me) : Outcome.Fail(t["ChooseMembersFromList"]);
        return Flash(outcome, t["MemberAdded"], $"/supervision/{groupId}");
    }

    [HttpPost("{groupId:guid}/members/{personId:guid}/remove")]
    public async Task<IActionResult> RemoveMember(Guid groupId, Guid personId, bool confirmed = false)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { CanManage: true })
        {
            return NotFound();
        }

        if (!confirmed && await MemberNameAsync(groupId, personId) is { } name)
        {
            return View("Confirm", new Confirmation(t["RemoveQuestion", name, access.Group.Name], t["RemoveConfirm", name], t["RemoveKeep", name], $"/supervision/{groupId}", t["RemoveDetail", name]));
        }

        return Flash(await service.RemoveMemberAsync(access.Group, personId, Me), t["MemberRemoved"], $"/supervision/{groupId}");
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
            return View("Confirm", new Confirmation(t["LeaveQuestion", access.Group.Name], t["LeaveConfirm"], t["LeaveKeep"], $"/supervision/{groupId}", t["LeaveText"]));
        }

        var outcome = await service.RemoveMemberAsync(access.Group, Me, Me);
        return Flash(outcome, t["YouLeft", access.Group.Name], "/supervision");
    }

    [HttpPost("{groupId:guid}/agree")]
    public async Task<IActionResult> Agree(Guid groupId, int version)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsMember: true })
        {
            return NotFound();
        }

        var ok = await service.AgreeAsync(access.Group, Me, version);
        return Flash(ok ? Outcome.Success() : Outcome.Fail(t["ContractChanged"]), t["Agreed", version], $"/supervision/{groupId}");
    }

    [HttpGet("{groupId:guid}/contract")]
    public async Task<IActionResult> Contract(Guid groupId)
    {
        var access = await service.AccessAsync(User, groupId);
        return access is { IsSupervisor: true } ? View(new ContractForm(groupId, access.Group.Name, access.Group.ContractVersion, access.Group.Contract)) : NotFound();
    }

    [HttpPost("{groupId:guid}/contract")]
    public async Task<IActionResult> Contract(Guid groupId, string? contract)
    {
        var access = await service.AccessAsync(User, groupId, tracking: true);
        if (access is not { IsSupervisor: true })
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(contract) || contract.Length > MaxContract)
        {
            ModelState.AddModelError("contract", string.IsNullOrWhiteSpace(contract) ? t["ContractRequired"] : t["ContractTooLong", MaxContract]);
            return Invalid(View(new ContractForm(groupId, access.Group.Name, access.Group.ContractVersion, contract ?? "")));
        }

        await service.SaveContractAsync(access.Group, contract, Me);
        TempData["Flash"] = t["ContractSaved", access.Group.ContractVersion].Value;
        return Redirect($"/supervision/{groupId}");
    }

    [HttpGet("{groupId:guid}/sessions/{sessionId:long}")]
    public async Task<IActionResult> Session(Guid groupId, long sessionId)
    {
        var (access, session) = await InsideAsync(groupId, sessionId);
        return access is null || session is null ? NotFound() : View(await SessionPageAsync(access, session));
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/move")]
    public async Task<IActionResult> Move(Guid groupId, long sessionId, string? startsLocal)
    {
        var (access, session) = await InsideAsync(groupId, sessionId, tracking: true);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        var error = ParseLocal(startsLocal, access.Group.TimeZone, out var utc);
        var outcome = error is null ? await service.MoveAsync(session, utc, Me) : Outcome.Fail(error);
        if (!outcome.Ok)
        {
            ModelState.AddModelError("startsLocal", outcome.Errors[0]);
            return Invalid(View("Session", await SessionPageAsync(access, session) with { MoveLocal = startsLocal }));
        }

        TempData["Flash"] = t["SessionMoved"].Value;
        return Redirect($"/supervision/{groupId}/sessions/{sessionId}");
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/cancel")]
    public async Task<IActionResult> Cancel(Guid groupId, long sessionId, bool confirmed = false)
    {
        var (access, session) = await InsideAsync(groupId, sessionId, tracking: true);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        if (!confirmed && SessionCalendar.CanChange(session.Status, session.StartsUtc, time.UtcNow))
        {
            var back = $"/supervision/{groupId}/sessions/{sessionId}";
            return View("Confirm", new Confirmation(t["CancelQuestion", time.Format(session.StartsUtc)], t["CancelConfirm"], t["CancelKeep"], back, t["CancelDetail"]));
        }

        return Flash(await service.CancelAsync(session, Me), t["SessionCancelled"], $"/supervision/{groupId}/sessions/{sessionId}");
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/swap")]
    public async Task<IActionResult> Swap(Guid groupId, long sessionId, Guid? from, Guid? to)
    {
        var (access, session) = await InsideAsync(groupId, sessionId);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        var outcome = from is { } f && to is { } tt ? await service.SwapAsync(session, f, tt, Me) : Outcome.Fail(t["SwapInvalid"]);
        return Flash(outcome, t["Swapped"], $"/supervision/{groupId}/sessions/{sessionId}");
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/attendance")]
    public async Task<IActionResult> Attendance(Guid groupId, long sessionId, List<Guid> present, List<Guid> presented)
    {
        var (access, session) = await InsideAsync(groupId, sessionId, tracking: true);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        return Flash(await service.RecordAttendanceAsync(session, present, presented, Me), t["AttendanceSaved"], $"/supervision/{groupId}/sessions/{sessionId}");
    }

    [HttpPost("{groupId:guid}/sessions/{sessionId:long}/notes")]
    public async Task<IActionResult> Notes(Guid groupId, long sessionId, string? notes)
    {
        var (access, session) = await InsideAsync(groupId, sessionId, tracking: true);
        if (access is not { IsSupervisor: true } || session is null)
        {
            return NotFound();
        }

        if (notes is { Length: > MaxNotes })
        {
            ModelState.AddModelError("notes", t["NotesTooLong", MaxNotes]);
            return Invalid(View("Session", await SessionPageAsync(access, session) with { NotesDraft = notes }));
        }

        await service.SaveNotesAsync(session, notes ?? "", markdown.ToSafeHtml(notes ?? ""), Me);
        TempData["Flash"] = t["NotesSaved"].Value;
        return Redirect($"/supervision/{groupId}/sessions/{sessionId}");
    }

    [HttpGet("{groupId:guid}/evaluation")]
    public async Task<IActionResult> Evaluation(Guid groupId)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsMember: true } and not { SeesAggregates: true })
        {
            return NotFound();
        }

        return View(await EvaluationPageAsync(access));
    }

    [HttpPost("{groupId:guid}/evaluation")]
    public async Task<IActionResult> Evaluation(Guid groupId, long point, int space, int frame, int usefulness, int safety, string? comment)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsMember: true })
        {
            return NotFound();
        }

        var answers = new EvaluationAnswers(space, frame, usefulness, safety, comment);
        var outcome = await service.AnswerAsync(access.Group, Me, point, answers);
        if (!outcome.Ok)
        {
            ModelState.AddModelError(string.Empty, outcome.Errors[0]);
            return Invalid(View(await EvaluationPageAsync(access) with { Typed = answers }));
        }

        TempData["Flash"] = t["EvaluationThanks"].Value;
        return Redirect($"/supervision/{groupId}");
    }

    private async Task<EvaluationPage> EvaluationPageAsync(GroupAccess access) =>
        new(access.Group, access, access.IsMember ? await service.OpenPointForAsync(access.Group, Me) : null, access.SeesAggregates ? await service.AggregatesAsync(access.Group) : []);

    /// <summary>The session pages (attendance, presenters, notes) are for the group's current members and its supervisor only: everyone else gets 404.</summary>
    private async Task<(GroupAccess? Access, SupervisionSession? Session)> InsideAsync(Guid groupId, long sessionId, bool tracking = false)
    {
        var access = await service.AccessAsync(User, groupId);
        if (access is not { IsInside: true })
        {
            return (null, null);
        }

        var sessions = tracking ? db.Set<SupervisionSession>() : db.Set<SupervisionSession>().AsNoTracking();
        return (access, await sessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.GroupId == groupId));
    }

    private async Task<GroupPage> GroupPageAsync(GroupAccess access)
    {
        var g = access.Group;
        var now = time.UtcNow;
        var me = Me;
        var members = await (from m in db.Set<GroupMember>().AsNoTracking()
                             join u in db.Users on m.UserId equals u.Id
                             where m.GroupId == g.Id && m.LeftUtc == null
                             orderby u.DisplayName
                             select new MemberRow(u.Id, u.DisplayName, m.AgreedContractVersion == g.ContractVersion, m.JoinedUtc)).ToListAsync();
        var sessions = await db.Set<SupervisionSession>().AsNoTracking().Where(s => s.GroupId == g.Id).OrderBy(s => s.StartsUtc).ToListAsync();
        var ids = sessions.Select(s => s.Id).ToList();
        var presenters = await (from p in db.Set<SessionPresenter>().AsNoTracking()
                                join u in db.Users on p.UserId equals u.Id
                                where ids.Contains(p.SessionId)
                                orderby u.DisplayName
                                select new { p.SessionId, u.DisplayName }).ToListAsync();
        SessionRow Row(SupervisionSession s) => new(s.Id, s.StartsUtc, s.EndsUtc, s.Status, s.Adjusted, presenters.Where(p => p.SessionId == s.Id).Select(p => p.DisplayName).ToList(), s.NotesHtml is not null);
        var upcoming = sessions.Where(s => s.StartsUtc > now && s.Status != SessionStatus.Held).Select(Row).ToList();
        var past = sessions.Where(s => !(s.StartsUtc > now && s.Status != SessionStatus.Held)).Select(Row).Reverse().ToList();
        var supervisor = await db.Users.Where(u => u.Id == g.SupervisorId).Select(u => u.DisplayName).FirstOrDefaultAsync() ?? "";
        var addable = new List<Person>();
        if (access.CanManage)
        {
            var current = members.Select(m => m.Id).ToList();
            addable = await service.InRoles(options.Value.MemberRoles).Where(u => !current.Contains(u.Id) && u.Id != g.SupervisorId)
                .OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync();
        }

        var meAgreed = members.Any(m => m.Id == me && m.AgreedCurrent);
        var evaluationOpen = access.IsMember && await service.OpenPointForAsync(g, me) is not null;
        return new GroupPage(g, access, supervisor, markdown.ToSafeHtml(g.Contract), members, upcoming, past, addable, meAgreed, evaluationOpen,
            access.CanManage ? service.SizeWarning(members.Count) : null);
    }

    private async Task<SessionPage> SessionPageAsync(GroupAccess access, SupervisionSession session)
    {
        var memberIds = await service.MembersAtAsync(session);
        var people = await db.Users.AsNoTracking().Where(u => memberIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync();
        var attendance = await db.Set<Attendance>().AsNoTracking().Where(a => a.SessionId == session.Id).ToDictionaryAsync(a => a.UserId, a => a.Present);
        var turns = await db.Set<SessionPresenter>().AsNoTracking().Where(p => p.SessionId == session.Id).ToListAsync();
        var rows = people.Select(p => new AttendanceRow(p.Id, p.Name, attendance.TryGetValue(p.Id, out var present) ? present : null,
            turns.Any(x => x.UserId == p.Id), turns.FirstOrDefault(x => x.UserId == p.Id)?.Presented)).ToList();
        var presenters = await db.Users.AsNoTracking().Where(u => turns.Select(x => x.UserId).Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync();
        var current = await db.Set<GroupMember>().Where(m => m.GroupId == session.GroupId && m.LeftUtc == null).Select(m => m.UserId).ToListAsync();
        var candidates = await db.Users.AsNoTracking().Where(u => current.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync();
        candidates = candidates.Where(c => presenters.All(p => p.Id != c.Id)).ToList();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(access.Group.TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(session.StartsUtc, DateTimeKind.Utc), zone);
        return new SessionPage(access.Group, access, session, rows, presenters, candidates, SessionCalendar.CanChange(session.Status, session.StartsUtc, time.UtcNow),
            local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
    }

    private string? ParseLocal(string? value, string timeZone, out DateTime utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(value) || !DateTime.TryParseExact(value.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return t["ChooseDateTime"];
        }

        if (!InputDates.IsSane(local))
        {
            return t["DateOutOfRange", InputDates.MinYear, InputDates.MaxYear];
        }

        SessionCalendar.LocalToUtc(local, TimeZoneInfo.FindSystemTimeZoneById(timeZone), out utc);
        return null;
    }

    private async Task<GroupForm> WithPeople(GroupForm form)
    {
        form.Supervisors = await service.InRoles(options.Value.SupervisorRoles).OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync();
        form.Candidates = await service.InRoles(options.Value.MemberRoles).OrderBy(u => u.DisplayName).Select(u => new Person(u.Id, u.DisplayName)).ToListAsync();
        form.Options = options.Value;
        return form;
    }

    private Task<string?> MemberNameAsync(Guid groupId, Guid personId) =>
        (from m in db.Set<GroupMember>()
         join u in db.Users on m.UserId equals u.Id
         where m.GroupId == groupId && m.UserId == personId && m.LeftUtc == null
         select u.DisplayName).FirstOrDefaultAsync();

    private IActionResult Flash(Outcome outcome, LocalizedString success, string url)
    {
        TempData["Flash"] = outcome.Ok ? string.Join(" ", [success.Value, .. outcome.Warnings]) : string.Join(" ", outcome.Errors);
        TempData["FlashIsError"] = !outcome.Ok;
        return Redirect(url);
    }

    private IActionResult Invalid(ViewResult view)
    {
        view.StatusCode = StatusCodes.Status400BadRequest;
        return view;
    }
}
