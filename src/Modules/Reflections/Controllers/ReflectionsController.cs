using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>
/// A trainee's own assignments. Every lookup is by id and the signed-in person together: someone
/// else's id answers 404 exactly like an id that does not exist.
/// </summary>
[RequirePermission(ReflectionPermissions.Write)]
[Route("reflections")]
public sealed class ReflectionsController(AppDbContext db, WorkService work, IProgrammeOutline outline, ICohortDirectory cohorts, ProgrammeTime time, IStringLocalizer<ReflectionsText> t) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var me = User.RequiredPersonId();
        var now = time.UtcNow;
        var rows = await (from w in db.Set<AssignmentWork>()
                          join s in db.Set<ScheduledAssignment>() on w.ScheduledId equals s.Id
                          where w.UserId == me && w.Active
                          orderby w.DueUtc
                          select new { w.Id, w.LessonKey, s.Kind, w.Status, s.ReleaseUtc, w.DueUtc, w.HasExtension, w.Versions, HasDraft = w.Draft != null, w.CohortId, w.LastSubmittedUtc }).ToListAsync();
        var placement = await cohorts.FindPlacementAsync(me);

        // Work from an earlier cohort says which one, so the current cohort's name never stands over it.
        var others = rows.Select(r => r.CohortId).Where(c => c != placement?.CohortId).Distinct().ToList();
        var names = others.Count == 0 ? new Dictionary<Guid, string>() : await cohorts.NamesAsync(others);
        var list = new List<WorkRow>();
        foreach (var r in rows)
        {
            var text = await outline.AssignmentTextAsync(r.LessonKey, Language);
            list.Add(new WorkRow(r.Id, text?.Title ?? r.LessonKey, text?.ModuleTitle ?? "", r.Kind, ScheduleRules.StatusWord(r.Status, r.DueUtc, now), r.ReleaseUtc, r.DueUtc, r.HasExtension, r.Versions, r.HasDraft, r.LastSubmittedUtc)
            {
                EarlierCohort = r.CohortId == placement?.CohortId ? null : names.GetValueOrDefault(r.CohortId),
            });
        }

        var upcoming = new List<UpcomingRow>();
        if (placement is not null)
        {
            var future = await db.Set<ScheduledAssignment>().Where(s => s.CohortId == placement.CohortId && s.ReleasedUtc == null).OrderBy(s => s.ReleaseUtc).ToListAsync();
            foreach (var s in future)
            {
                var text = await outline.AssignmentTextAsync(s.LessonKey, Language);
                upcoming.Add(new UpcomingRow(text?.Title ?? s.LessonKey, text?.ModuleTitle ?? "", s.ReleaseUtc, s.DueUtc));
            }
        }

        return View(new ReflectionListViewModel(list.Where(r => r.Status is "open" or "overdue" or "revision").ToList(), list.Where(r => r.Status is "submitted" or "accepted").ToList(), upcoming, placement?.CohortName));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Edit(long id)
    {
        var item = await work.FindOwnAsync(id, User.RequiredPersonId());
        return item is null ? NotFound() : View(await EditorAsync(item, item.Draft ?? "", null));
    }

    /// <summary>Autosave (fetch, every few seconds and on leaving the field). Answers JSON; without JavaScript the form posts here too.</summary>
    [HttpPost("{id:long}/draft")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Draft(long id, [FromForm] string? text)
    {
        var item = await work.FindOwnAsync(id, User.RequiredPersonId());
        if (item is null)
        {
            return NotFound();
        }

        var ajax = Request.Headers["X-Requested-With"] == "fetch";
        if ((text?.Length ?? 0) > work.MaxLength)
        {
            var message = t["TooLong", work.MaxLength.ToString("N0", CultureInfo.CurrentCulture)].Value;
            if (ajax)
            {
                return BadRequest(new { message });
            }

            ModelState.AddModelError("Text", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await EditorAsync(item, text ?? "", null));
        }

        var saved = await work.SaveDraftAsync(item, text);
        if (saved is null)
        {
            return ajax ? Conflict(new { message = t["NotWritable"].Value }) : Redirect($"/reflections/{id}");
        }

        if (ajax)
        {
            return Json(new { saved = time.Format(saved.Value), savedUtc = saved.Value.ToString("O") });
        }

        TempData["Flash"] = t["DraftSaved"].Value;
        return Redirect($"/reflections/{id}");
    }

    /// <summary>
    /// The hand-in and draft URLs answer only POST; a GET (a sign-in returning there, a reload of a page the
    /// warning was shown on, a bookmark) goes to the assignment, where the text is kept.
    /// </summary>
    [HttpGet("{id:long}/submit")]
    [HttpGet("{id:long}/draft")]
    public async Task<IActionResult> BackToAssignment(long id) =>
        await work.FindOwnAsync(id, User.RequiredPersonId()) is null ? NotFound() : Redirect($"/reflections/{id}");

    [HttpPost("{id:long}/submit")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Submit(long id, [FromForm] string? text, [FromForm] string? token, [FromForm] bool confirm = false)
    {
        var me = User.RequiredPersonId();
        var item = await work.FindOwnAsync(id, me);
        if (item is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return BadRequest();
        }

        var result = await work.SubmitAsync(item, text, token, confirm, me);
        switch (result.Outcome)
        {
            case SubmitOutcome.Submitted:
                var when = time.Format(item.LastSubmittedUtc ?? time.UtcNow);
                TempData["Flash"] = result.Late ? t["SubmittedLate", result.Version, when].Value : t["Submitted", result.Version, when].Value;
                return Redirect($"/reflections/{id}");
            case SubmitOutcome.AlreadySubmitted:
                return Redirect($"/reflections/{id}");
            case SubmitOutcome.NeedsConfirmation:
                return View("Edit", await EditorAsync(item, text ?? "", result.Findings));
            case SubmitOutcome.NotReleased:
                return Problem(t["NotReleased"].Value, StatusCodes.Status409Conflict);
            case SubmitOutcome.NotOpen:
                TempData["Flash"] = t["NotWritable"].Value;
                TempData["FlashIsError"] = true;
                return Redirect($"/reflections/{id}");
            default:
                ModelState.AddModelError("Text", result.Outcome == SubmitOutcome.Empty ? t["Empty"].Value : t["TooLong", work.MaxLength.ToString("N0", CultureInfo.CurrentCulture)].Value);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return View("Edit", await EditorAsync(item, text ?? "", null));
        }
    }

    private IActionResult Problem(string message, int status)
    {
        Response.StatusCode = status;
        ViewData["Message"] = message;
        return View("Refused");
    }

    private async Task<EditorViewModel> EditorAsync(AssignmentWork item, string text, IReadOnlyList<Finding>? findings)
    {
        var assignment = await outline.AssignmentTextAsync(item.LessonKey, Language);
        var kind = await db.Set<ScheduledAssignment>().Where(s => s.Id == item.ScheduledId).Select(s => s.Kind).FirstAsync();
        var versions = await WorkHistory.VersionsAsync(db, item.Id);
        var feedback = await WorkHistory.FeedbackAsync(db, item.Id);
        var placement = await cohorts.FindPlacementAsync(item.UserId);
        var practicalType = kind == AssignmentKind.Practical
            ? (await outline.AssignmentsAsync(placement?.Track ?? "trainee")).FirstOrDefault(a => a.Key == item.LessonKey)?.PracticalType
            : null;
        return new EditorViewModel
        {
            Id = item.Id,
            Title = assignment?.Title ?? item.LessonKey,
            ModuleTitle = assignment?.ModuleTitle ?? "",
            Prompt = assignment?.Prompt,
            InstructionsHtml = assignment?.InstructionsHtml ?? "",
            LessonUrl = assignment?.Url ?? "/learn",
            LessonKey = item.LessonKey,
            Kind = kind,
            LogType = LogTypes.IsKnown(practicalType) ? practicalType : null,
            Status = ScheduleRules.StatusWord(item.Status, item.DueUtc, time.UtcNow),
            DueUtc = item.DueUtc,
            HasExtension = item.HasExtension,
            Writable = WorkService.IsWritable(item),
            // A revision starts from the last submitted version when there is no newer draft.
            Text = text.Length == 0 && item.Status == WorkStatus.RevisionRequested && versions.Count > 0 ? versions[0].Text : text,
            DraftSavedUtc = item.DraftSavedUtc,
            LastSubmittedUtc = item.LastSubmittedUtc,
            Token = Guid.NewGuid().ToString("N"),
            MaxLength = work.MaxLength,
            PersonId = item.UserId,
            Versions = versions,
            Feedback = feedback,
            Findings = findings is null ? null : MarkedParagraphs(text.Trim(), findings),
            FindingKinds = findings?.Select(f => f.Kind).Distinct().ToList() ?? [],
            LatestDiff = versions.Count > 1 ? LineDiff.Compare(versions[1].Text, versions[0].Text) : null,
        };
    }

    /// <summary>The text by paragraph (as <see cref="PersonText"/> splits it), each with its findings marked.</summary>
    public static IReadOnlyList<IReadOnlyList<TextSegment>> MarkedParagraphs(string text, IReadOnlyList<Finding> findings) =>
        PersonText.Ranges(text).Select(r => Segments(
            text.Substring(r.Start, r.Length),
            findings.Select(f => (Start: Math.Max(f.Start, r.Start), End: Math.Min(f.Start + f.Length, r.Start + r.Length), f))
                .Where(x => x.End > x.Start)
                .Select(x => x.f with { Start = x.Start - r.Start, Length = x.End - x.Start })
                .ToList())).ToList();

    public static IReadOnlyList<TextSegment> Segments(string text, IReadOnlyList<Finding> findings)
    {
        var list = new List<TextSegment>();
        var at = 0;
        foreach (var f in findings.Where(f => f.Start >= 0 && f.Start + f.Length <= text.Length).OrderBy(f => f.Start))
        {
            if (f.Start < at)
            {
                continue;
            }

            if (f.Start > at)
            {
                list.Add(new TextSegment(text[at..f.Start], null));
            }

            list.Add(new TextSegment(text.Substring(f.Start, f.Length), f.Kind));
            at = f.Start + f.Length;
        }

        if (at < text.Length)
        {
            list.Add(new TextSegment(text[at..], null));
        }

        return list;
    }
}
