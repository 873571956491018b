using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Cohorts.Controllers;

/// <summary>A participant's own places: open cohorts, asking for a place, the waiting list, withdrawing.</summary>
[RequirePermission(CohortPermissions.Request)]
[Route("enrol")]
public sealed class EnrolController(CohortPages pages, EnrolmentService enrolment, IStringLocalizer<CohortsText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.EnrolAsync(User.RequiredPersonId()));

    [HttpPost("{cohortId:guid}/request")]
    public async Task<IActionResult> RequestPlace(Guid cohortId)
    {
        var result = await enrolment.RequestAsync(cohortId, User.RequiredPersonId());
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData.FromAll(result, S["RequestSent"]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{cohortId:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid cohortId, bool confirmed = false)
    {
        var me = User.RequiredPersonId();
        if (!confirmed && await pages.OwnPlaceAsync(cohortId, me) is { } cohort)
        {
            return View("Confirm", new Confirmation(S["WithdrawSelfQuestion", cohort], S["WithdrawSelfConfirm"], S["WithdrawSelfKeep"], Url.Action(nameof(Index))!, S["WithdrawDetail"]));
        }

        TempData.FromAll(await enrolment.WithdrawAsync(cohortId, me, me, mayManageCohort: false), S["Withdrawn"]);
        return RedirectToAction(nameof(Index));
    }
}
