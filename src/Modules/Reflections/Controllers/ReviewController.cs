using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>Trainers review submissions in the cohorts they run; a submission elsewhere answers 403.</summary>
[RequirePermission(ReflectionPermissions.Review)]
[Route("review")]
public sealed class ReviewController(ReviewPages pages, ReviewService reviews, IStringLocalizer<ReflectionsText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? cohort, string? module, string? status) =>
        View(await pages.QueueAsync(User.RequiredPersonId(), cohort, module, status));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id)
    {
        var found = await pages.FindAsync(id, User.RequiredPersonId());
        return Refusal(found) ?? View(await pages.PageAsync(found.Value!, ""));
    }

    [HttpPost("{id:long}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Decide(long id, [FromForm] int version, [FromForm] string? decision, [FromForm] string? feedback)
    {
        var found = await pages.FindAsync(id, User.RequiredPersonId());
        if (Refusal(found) is { } refusal)
        {
            return refusal;
        }

        var item = found.Value!;
        if (!Enum.TryParse<ReviewDecision>(decision, out var choice))
        {
            ModelState.AddModelError("decision", S["ChooseDecision"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await pages.PageAsync(item, feedback ?? ""));
        }

        var result = await reviews.ReviewAsync(item, version, choice, feedback, User.RequiredPersonId());
        if (result.Ok)
        {
            TempData.Success((choice == ReviewDecision.Accepted ? S["ReviewAccepted"] : S["ReviewRevision"]).Value);
            return RedirectToAction(nameof(Index));
        }

        // A missing reason or too long a text is about the feedback field (400); a stale or decided hand-in is a conflict (409).
        ModelState.AddModelError(result.Status is ResultStatus.Invalid ? "feedback" : "", result.Error!);
        Response.StatusCode = result.HttpStatus;
        return View("Show", await pages.FreshPageAsync(id, feedback ?? ""));
    }

    /// <summary>404 when the work does not exist; 403 when it is in a cohort the trainer does not run.</summary>
    private IActionResult? Refusal(Result found) => found.Status switch
    {
        ResultStatus.NotFound => NotFound(),
        ResultStatus.Forbidden => Forbid(),
        _ => null,
    };
}
