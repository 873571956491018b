using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>Trainers review submissions in the cohorts they run; a submission elsewhere answers 403.</summary>
[RequirePermission(ReflectionPermissions.Review)]
[Route("review")]
public sealed class ReviewController(ReviewPages pages, ReviewService reviews, CommentBankPages comments, ICitizenDataCheck citizenData, IStringLocalizer<ReflectionsText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? cohort, string? module, string? status) =>
        View(await pages.QueueAsync(User.RequiredPersonId(), cohort, module, status));

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id)
    {
        var found = await pages.FindAsync(id, User.RequiredPersonId());
        return Refusal(found) ?? View(await pages.PageAsync(found.Value!, User.RequiredPersonId(), ""));
    }

    /// <summary>
    /// A decision with its feedback and the rubric's marks (<c>marks[criterionId]=level</c>). With <paramref name="insert"/>
    /// (the no-script path of the comment bank) the chosen saved comment is added to the feedback and the form comes back
    /// as typed, nothing saved.
    /// </summary>
    [HttpPost("{id:long}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Decide(long id, [FromForm] int version, [FromForm] string? decision, [FromForm] string? feedback, [FromForm(Name = "marks")] Dictionary<string, string?>? marks, [FromForm] string? insert, [FromForm] long? comment, [FromForm] string? citizenDataConfirmed)
    {
        // "Save anyway" after a citizen-data warning carries the decision the trainer chose (the marks and feedback come with the form).
        var confirmed = !string.IsNullOrEmpty(citizenDataConfirmed);
        decision ??= citizenDataConfirmed;

        var me = User.RequiredPersonId();
        var found = await pages.FindAsync(id, me);
        if (Refusal(found) is { } refusal)
        {
            return refusal;
        }

        var item = found.Value!;
        feedback ??= "";
        if (insert is not null)
        {
            if (comment is { } commentId && await comments.TextAsync(commentId, me) is { } text)
            {
                feedback = feedback.TrimEnd().Length == 0 ? text : feedback.TrimEnd() + "\n\n" + text;
            }
            else
            {
                ModelState.AddModelError("comment", S["ChooseComment"].Value);
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return View("Show", await pages.PageAsync(item, me, feedback, marks));
        }

        if (!Enum.TryParse<ReviewDecision>(decision, out var choice) || !Enum.IsDefined(choice))
        {
            ModelState.AddModelError("decision", S["ChooseDecision"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await pages.PageAsync(item, me, feedback, marks));
        }

        if (!confirmed && CitizenDataWarning.Check(citizenData, feedback) is { } warning)
        {
            var page = await pages.PageAsync(item, me, feedback, marks);
            page.FeedbackCitizenData = warning;
            page.FeedbackDecision = choice.ToString();
            return View("Show", page);
        }

        var result = await reviews.ReviewAsync(item, version, choice, feedback, marks, me);
        if (result.Ok)
        {
            TempData.Success((choice == ReviewDecision.Accepted ? S["ReviewAccepted"] : S["ReviewRevision"]).Value);
            return RedirectToAction(nameof(Index));
        }

        // Missing marks or reason, or too long a text, are about the form (400); a stale or decided hand-in is a conflict (409).
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(result.Status is ResultStatus.Invalid ? "feedback" : "", error);
        }

        Response.StatusCode = result.HttpStatus;
        return View("Show", await pages.FreshPageAsync(id, me, feedback, marks));
    }

    /// <summary>404 when the work does not exist; 403 when it is in a cohort the trainer does not run.</summary>
    private IActionResult? Refusal(Result found) => found.Status switch
    {
        ResultStatus.NotFound => NotFound(),
        ResultStatus.Forbidden => Forbid(),
        _ => null,
    };
}
