using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>Structured practical logs (PDSA test, shadowing day, dilemma, co-facilitation), handed in as the module's practical assignment.</summary>
[RequirePermission(ReflectionPermissions.Write)]
[Route("logs")]
public sealed class LogsController(LogPages pages, PracticalLogService logs, LogHandInService handIns, ProgrammeTime time, IStringLocalizer<ReflectionsText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.ListAsync(User.RequiredPersonId()));

    [HttpPost("new")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Create([FromForm] string? type)
    {
        if (!LogTypes.IsKnown(type))
        {
            return BadRequest();
        }

        var log = await logs.CreateAsync(User.RequiredPersonId(), type!);
        return RedirectToAction(nameof(Edit), new { id = log.Id });
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Edit(long id)
    {
        var log = await logs.FindOwnAsync(id, User.RequiredPersonId());
        return log is null ? NotFound() : View(await pages.EditorAsync(log, PracticalLogService.Read(log), log.Title, log.FollowsLogId, log.EventRef, null));
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
        var problems = await pages.ProblemsAsync(log, title, fields, follows, eventRef, handIn);
        if (problems.Count > 0)
        {
            // Nothing is saved; everything typed comes back with the messages.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await pages.EditorAsync(log, fields, title, follows, eventRef, problems));
        }

        await logs.SaveAsync(log, title, fields, follows, string.IsNullOrEmpty(eventRef) ? null : eventRef);
        if (!handIn)
        {
            // Saved; what could identify a citizen is pointed out at once, with the text kept (as at hand-in).
            var (text, findings) = logs.CitizenData(title, fields);
            if (findings.Count > 0)
            {
                var warning = new LogHandInReceipt(log.WorkId ?? 0, new SubmitReceipt(SubmitStep.NeedsConfirmation, Findings: findings), text);
                return View("Edit", await pages.EditorAsync(log, fields, title, follows, eventRef, null, warning));
            }

            TempData.Success(S["LogSaved"].Value);
            return RedirectToAction(nameof(Edit), new { id });
        }

        var result = await handIns.HandInAsync(log, token, confirm, me);
        if (!result.Ok)
        {
            TempData.Error(result.Error!);
            return RedirectToAction(nameof(Edit), new { id });
        }

        var handedIn = result.Value!;
        if (handedIn.Receipt.Step is SubmitStep.NeedsConfirmation)
        {
            Response.StatusCode = StatusCodes.Status200OK;
            return View("Edit", await pages.EditorAsync(log, fields, title, follows, eventRef, null, handedIn));
        }

        var when = time.Format(handedIn.Receipt.SubmittedUtc ?? time.UtcNow);
        TempData.Success((handedIn.Receipt.Late ? S["SubmittedLate", handedIn.Receipt.Version, when] : S["Submitted", handedIn.Receipt.Version, when]).Value);
        return RedirectToAction(nameof(ReflectionsController.Edit), "Reflections", new { id = handedIn.WorkId });
    }
}
