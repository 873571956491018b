using System.Globalization;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>
/// A trainee's own assignments. Every lookup is by id and the signed-in person together: someone
/// else's id answers 404 exactly like an id that does not exist.
/// </summary>
[RequirePermission(ReflectionPermissions.Write)]
[Route("reflections")]
public sealed class ReflectionsController(ReflectionPages pages, WorkService work, ProgrammeTime time, IStringLocalizer<ReflectionsText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.ListAsync(User.RequiredPersonId()));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Edit(long id)
    {
        var item = await work.FindOwnAsync(id, User.RequiredPersonId());
        return item is null ? NotFound() : View(await pages.EditorAsync(item, item.Draft ?? "", null));
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
            var message = S["TooLong", work.MaxLength.ToString("N0", CultureInfo.CurrentCulture)].Value;
            if (ajax)
            {
                return BadRequest(new { message });
            }

            ModelState.AddModelError("Text", message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await pages.EditorAsync(item, text ?? "", null));
        }

        var saved = await work.SaveDraftAsync(item, text);
        if (saved is null)
        {
            return ajax ? Conflict(new { message = S["NotWritable"].Value }) : RedirectToAction(nameof(Edit), new { id });
        }

        // The draft is saved either way; what could identify a citizen is pointed out at once, as at hand-in.
        var findings = work.CitizenData(text);
        if (ajax)
        {
            return Json(new { saved = time.Format(saved.Value), savedUtc = saved.Value.ToString("O"), citizenData = findings.Select(f => S["Finding." + f.Kind].Value).Distinct().ToList() });
        }

        if (findings.Count > 0)
        {
            return View("Edit", await pages.EditorAsync(item, text?.Trim() ?? "", findings));
        }

        TempData.Success(S["DraftSaved"].Value);
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>
    /// The hand-in and draft URLs answer only POST; a GET (a sign-in returning there, a reload of a page the
    /// warning was shown on, a bookmark) goes to the assignment, where the text is kept.
    /// </summary>
    [HttpGet("{id:long}/submit")]
    [HttpGet("{id:long}/draft")]
    public async Task<IActionResult> BackToAssignment(long id) =>
        await work.FindOwnAsync(id, User.RequiredPersonId()) is null ? NotFound() : RedirectToAction(nameof(Edit), new { id });

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
        if (result.Status is ResultStatus.Invalid)
        {
            // Empty or too long: the whole text comes back with the message.
            ModelState.AddModelError("Text", result.Error!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Edit", await pages.EditorAsync(item, text ?? "", null));
        }

        if (!result.Ok)
        {
            if (result.Value?.Step is SubmitStep.NotReleased)
            {
                return Refused(result.Error!, StatusCodes.Status409Conflict);
            }

            TempData.Error(result.Error!);
            return RedirectToAction(nameof(Edit), new { id });
        }

        var receipt = result.Value!;
        switch (receipt.Step)
        {
            case SubmitStep.NeedsConfirmation:
                return View("Edit", await pages.EditorAsync(item, text ?? "", receipt.Findings));
            case SubmitStep.Submitted:
                var when = time.Format(item.LastSubmittedUtc ?? time.UtcNow);
                TempData.Success((receipt.Late ? S["SubmittedLate", receipt.Version, when] : S["Submitted", receipt.Version, when]).Value);
                return RedirectToAction(nameof(Edit), new { id });
            default:
                return RedirectToAction(nameof(Edit), new { id });
        }
    }

    private ViewResult Refused(string message, int status)
    {
        Response.StatusCode = status;
        ViewData["Message"] = message;
        return View("Refused");
    }
}
