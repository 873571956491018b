using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>Structured practical logs (PDSA test, shadowing day, dilemma, co-facilitation), handed in as the module's practical assignment.</summary>
[RequirePermission(ReflectionPermissions.Write)]
[Route("logs")]
public sealed class LogsController(AppDbContext db, PracticalLogService logs, WorkService work, IProgrammeOutline outline, ICohortDirectory cohorts, IEnumerable<IPersonEvents> events, ProgrammeTime time, IStringLocalizer<ReflectionsText> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var me = User.RequiredPersonId();
        var rows = await db.Set<PracticalLog>().Where(l => l.UserId == me).OrderByDescending(l => l.UpdatedUtc)
            .Select(l => new LogRow(l.Id, l.Type, l.Title, l.UpdatedUtc, l.WorkId != null, l.FollowsLogId)).ToListAsync();
        return View(rows);
    }

    [HttpPost("new")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] string? type)
    {
        if (!LogTypes.IsKnown(type))
        {
            return BadRequest();
        }

        var log = await logs.CreateAsync(User.RequiredPersonId(), type!);
        return Redirect($"/logs/{log.Id}");
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Edit(long id)
    {
        var log = await logs.FindOwnAsync(id, User.RequiredPersonId());
        return log is null ? NotFound() : View(await ModelAsync(log, PracticalLogService.Read(log), log.Title, log.FollowsLogId, log.EventRef, null));
    }

    [HttpPost("{id:long}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save(long id, [FromForm] string? title, [FromForm] long? follows, [FromForm] string? eventRef, [FromForm] string? action, [FromForm] string? token, [FromForm] bool confirm = false)
    {
        var me = User.RequiredPersonId();
        var log = await logs.FindOwnAsync(id, me);
        if (log is null)
        {
            return NotFound();
        }

        var fields = LogTypes.Fields[log.Type].ToDictionary(f => f.Name, f => (string?)Request.Form["f." + f.Name] ?? "");
        title = (title ?? "").Trim();
        var handIn = action == "handin";
        var problems = PracticalLogService.Validate(log.Type, fields, complete: handIn);
        if (title.Length == 0)
        {
            problems.Add(new("title", "LogTitleMissing"));
        }

        // Links must be the person's own: an earlier PDSA test of theirs, an event they took part in.
        if (follows is { } f && (f == log.Id || !await db.Set<PracticalLog>().AnyAsync(l => l.Id == f && l.UserId == me && l.Type == "pdsa")))
        {
            problems.Add(new("follows", "LogLinkInvalid"));
        }

        var choices = await EventChoicesAsync(log.Type, me);
        if (!string.IsNullOrEmpty(eventRef) && choices.All(c => c.Ref != eventRef))
        {
            problems.Add(new("eventRef", "LogLinkInvalid"));
        }

        if (problems.Count > 0)
        {
            // Nothing is saved; everything typed comes back with the messages.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await ModelAsync(log, fields, title, follows, eventRef, problems));
        }

        await logs.SaveAsync(log, title, fields, follows, string.IsNullOrEmpty(eventRef) ? null : eventRef);
        if (!handIn)
        {
            TempData["Flash"] = t["LogSaved"].Value;
            return Redirect($"/logs/{id}");
        }

        var target = await OpenPracticalAsync(me, log.Type);
        if (target is null)
        {
            TempData["Flash"] = t["LogNoAssignment"].Value;
            TempData["FlashIsError"] = true;
            return Redirect($"/logs/{id}");
        }

        var followsTitle = log.FollowsLogId is { } fid ? await db.Set<PracticalLog>().Where(l => l.Id == fid).Select(l => l.Title).FirstOrDefaultAsync() : null;
        var eventTitle = choices.FirstOrDefault(c => c.Ref == log.EventRef)?.Title;
        var text = PracticalLogService.AsText(log, key => t["Log." + key].Value, followsTitle, eventTitle);
        var result = await work.SubmitAsync(target, text, string.IsNullOrEmpty(token) ? Guid.NewGuid().ToString("N") : token, confirm, me);
        switch (result.Outcome)
        {
            case SubmitOutcome.Submitted or SubmitOutcome.AlreadySubmitted:
                log.WorkId = target.Id;
                await db.SaveChangesAsync();
                var when = time.Format(target.LastSubmittedUtc ?? time.UtcNow);
                TempData["Flash"] = (result.Late ? t["SubmittedLate", result.Version, when] : t["Submitted", result.Version, when]).Value;
                return Redirect($"/reflections/{target.Id}");
            case SubmitOutcome.NeedsConfirmation:
                Response.StatusCode = StatusCodes.Status200OK;
                var model = await ModelAsync(log, fields, title, follows, eventRef, null);
                return View("Edit", model with { Findings = ReflectionsController.MarkedParagraphs(text.Trim(), result.Findings!), FindingKinds = result.Findings!.Select(x => x.Kind).Distinct().ToList() });
            default:
                TempData["Flash"] = t[result.Outcome == SubmitOutcome.TooLong ? "LogFieldTooLong" : "NotWritable"].Value;
                TempData["FlashIsError"] = true;
                return Redirect($"/logs/{id}");
        }
    }

    /// <summary>The person's open practical assignment whose type matches the log's.</summary>
    private async Task<AssignmentWork?> OpenPracticalAsync(Guid me, string type)
    {
        var placement = await cohorts.FindPlacementAsync(me);
        var assignments = await outline.AssignmentsAsync(placement?.Track ?? "trainee");
        var keys = assignments.Where(a => a.PracticalType == type).Select(a => a.Key).ToList();
        var candidates = await db.Set<AssignmentWork>().Where(w => w.UserId == me && keys.Contains(w.LessonKey)).OrderBy(w => w.DueUtc).ToListAsync();
        return candidates.FirstOrDefault(WorkService.IsWritable);
    }

    private async Task<IReadOnlyList<PersonEvent>> EventChoicesAsync(string type, Guid me)
    {
        if (LogTypes.EventKind(type) is not { } kind)
        {
            return [];
        }

        var list = new List<PersonEvent>();
        foreach (var source in events)
        {
            list.AddRange((await source.ForPersonAsync(me, time.UtcNow.AddYears(-1), time.UtcNow.AddDays(60))).Where(e => e.Kind == kind));
        }

        return list.OrderByDescending(e => e.StartsUtc).ToList();
    }

    private async Task<LogEditorViewModel> ModelAsync(PracticalLog log, IReadOnlyDictionary<string, string> fields, string title, long? follows, string? eventRef, IReadOnlyList<LogProblem>? problems)
    {
        var me = log.UserId;
        var earlier = log.Type == "pdsa"
            ? await db.Set<PracticalLog>().Where(l => l.UserId == me && l.Type == "pdsa" && l.Id != log.Id).OrderByDescending(l => l.CreatedUtc).Select(l => new FilterOption(l.Id.ToString(CultureInfo.InvariantCulture), l.Title == "" ? "#" + l.Id : l.Title)).ToListAsync()
            : [];
        var choices = (await EventChoicesAsync(log.Type, me)).Select(e => new FilterOption(e.Ref, $"{e.Title} · {time.Format(e.StartsUtc)}")).ToList();
        var next = await db.Set<PracticalLog>().Where(l => l.FollowsLogId == log.Id && l.UserId == me).Select(l => new FilterOption(l.Id.ToString(CultureInfo.InvariantCulture), l.Title)).ToListAsync();
        return new LogEditorViewModel(log.Id, log.Type, title, fields, follows?.ToString(CultureInfo.InvariantCulture), eventRef, earlier, choices, next, log.WorkId, problems ?? [], Guid.NewGuid().ToString("N"), log.Origin, null, []);
    }
}
