using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>A cohort's assignment dates: trainers move a date for everyone or give one trainee an extension.</summary>
[RequirePermission(ReflectionPermissions.Schedule)]
[Route("schedule")]
public sealed class ScheduleController(SchedulePages pages, ScheduleService schedule, IPermissionService permissions, IStringLocalizer<ReflectionsText> S) : Controller
{
    [HttpGet("{cohortId:guid}")]
    public async Task<IActionResult> Index(Guid cohortId)
    {
        var refusal = await CheckAsync(cohortId);
        return refusal ?? View(await pages.PageAsync(cohortId));
    }

    private async Task<IActionResult> RefusedAsync(Guid cohortId)
    {
        // The page lists every error in ModelState (the binder's date-range message among them).
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await pages.PageAsync(cohortId));
    }

    [HttpPost("{cohortId:guid}/move/{scheduleId:long}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Move(Guid cohortId, long scheduleId, [FromForm] DateTime? release, [FromForm] DateTime? due)
    {
        var refusal = await CheckAsync(cohortId);
        if (refusal is not null)
        {
            return refusal;
        }

        var row = await schedule.FindScheduledAsync(cohortId, scheduleId);
        if (row is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // A date outside the sane range (the binder said so): nothing moves.
            return await RefusedAsync(cohortId);
        }

        var result = await schedule.MoveAsync(row, release, due, User.PersonId());
        if (!result.Ok)
        {
            ModelState.AddModelError("", result.Error!);
            // What the trainer typed comes back in the row they tried to move.
            ViewData["MoveRow"] = scheduleId;
            ViewData["MoveRelease"] = Request.Form["release"].ToString();
            ViewData["MoveDue"] = Request.Form["due"].ToString();
            return await RefusedAsync(cohortId);
        }

        TempData.Success((result.Value ? S["DatesMoved"] : S["DatesUnchanged"]).Value);
        return RedirectToAction(nameof(Index), new { cohortId });
    }

    [HttpPost("{cohortId:guid}/extend/{workId:long}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Extend(Guid cohortId, long workId, [FromForm] DateTime? due)
    {
        var refusal = await CheckAsync(cohortId);
        if (refusal is not null)
        {
            return refusal;
        }

        var item = await schedule.FindWorkAsync(cohortId, workId);
        if (item is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync(cohortId);
        }

        var result = await schedule.ExtendAsync(item, due, User.PersonId());
        if (!result.Ok)
        {
            ModelState.AddModelError("", result.Error!);
            return await RefusedAsync(cohortId);
        }

        TempData.Success(S["ExtensionGiven"].Value);
        return RedirectToAction(nameof(Index), new { cohortId });
    }

    private async Task<IActionResult?> CheckAsync(Guid cohortId)
    {
        var access = await pages.AccessAsync(cohortId, User.RequiredPersonId(), permissions.Has(User, ReflectionPermissions.ScheduleAll));
        return access.Status switch
        {
            ResultStatus.NotFound => NotFound(),
            ResultStatus.Forbidden => Forbid(),
            _ => null,
        };
    }
}
