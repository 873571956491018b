using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Cohorts.Controllers;

[RequirePermission(CohortPermissions.View)]
[Route("cohorts")]
public sealed class CohortsController(CohortPages pages, CohortService cohorts, EnrolmentService enrolment, IPermissionService permissions, IStringLocalizer<CohortsText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(new CohortsViewModel(await pages.ListAsync(User.RequiredPersonId(), SeesAll), MayManage));

    /// <summary>The trainer's cohort view: calendar, members and their progress. Four queries for any cohort size.</summary>
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var result = await pages.DetailsAsync(id, User.RequiredPersonId(), SeesAll, MayManage);
        return result.Status switch
        {
            ResultStatus.NotFound => NotFound(),
            ResultStatus.Forbidden => Forbid(),
            _ => View(result.Value),
        };
    }

    [RequirePermission(CohortPermissions.Manage)]
    [HttpGet("new")]
    public async Task<IActionResult> Create() => View("Edit", await pages.NewFormAsync(User.RequiredPersonId()));

    [RequirePermission(CohortPermissions.Manage)]
    [HttpPost("new")]
    public async Task<IActionResult> Create(CohortFormViewModel model)
    {
        AddErrors(await cohorts.ValidateAsync(model, existingId: null, User.RequiredPersonId()));
        if (!ModelState.IsValid)
        {
            return View("Edit", await pages.WithTrainersAsync(model));
        }

        var created = await cohorts.CreateAsync(model, User.PersonId());
        TempData.Success(S["CohortSaved", model.Name!.Trim()]);
        return RedirectToAction(nameof(Details), new { id = created.Value });
    }

    [RequirePermission(CohortPermissions.Manage)]
    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var model = await pages.EditFormAsync(id);
        if (model is null)
        {
            return NotFound();
        }

        return await CanManageAsync(id) ? View(model) : Forbid();
    }

    [RequirePermission(CohortPermissions.Manage)]
    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CohortFormViewModel model)
    {
        if (!await pages.ExistsAsync(id))
        {
            return NotFound();
        }

        if (!await CanManageAsync(id))
        {
            return Forbid();
        }

        model.Id = id;
        var me = User.RequiredPersonId();
        AddErrors(await cohorts.ValidateAsync(model, id, me));
        if (!ModelState.IsValid)
        {
            return View(await pages.WithTrainersAsync(model));
        }

        var result = await cohorts.UpdateAsync(id, model, me, Url.Action(nameof(Details), new { id })!);
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData.Success(S["CohortSaved", model.Name!.Trim()]);
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>A trainer or administrator removes a member; the waiting list moves up.</summary>
    [RequirePermission(CohortPermissions.Manage)]
    [HttpPost("{id:guid}/remove/{personId:guid}")]
    public async Task<IActionResult> Remove(Guid id, Guid personId, bool confirmed = false)
    {
        var (cohortName, name) = await pages.RemovalAsync(id, personId);
        if (cohortName is null)
        {
            return NotFound();
        }

        if (!await CanManageAsync(id))
        {
            return Forbid();
        }

        // One click used to remove: the row's button now asks first (a page that works without JavaScript).
        if (!confirmed && name is not null)
        {
            return View("Confirm", new Confirmation(S["RemoveQuestion", name, cohortName], S["RemoveConfirm", name], S["RemoveKeep", name], Url.Action(nameof(Details), new { id })!, S["RemoveDetail", name]));
        }

        var result = await enrolment.WithdrawAsync(id, personId, User.RequiredPersonId(), mayManageCohort: true);
        TempData.From(result, S["MemberRemoved"]);
        return RedirectToAction(nameof(Details), new { id });
    }

    private bool SeesAll => permissions.Has(User, CohortPermissions.ViewAll);

    private bool MayManage => permissions.Has(User, CohortPermissions.Manage);

    private Task<bool> CanManageAsync(Guid id) => pages.CanManageAsync(id, User.RequiredPersonId(), MayManage, SeesAll);

    private void AddErrors(IReadOnlyList<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
    }
}
