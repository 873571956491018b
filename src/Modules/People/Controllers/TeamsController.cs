using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.People.Services;
using ChangeAgentAcademy.People.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.People.Controllers;

[RequirePermission(PeoplePermissions.Manage)]
[Route("admin/teams")]
public sealed class TeamsController(PeoplePages pages, TeamService teams, IStringLocalizer<PeopleText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.TeamsAsync());

    [HttpGet("new")]
    public async Task<IActionResult> Create() => View("Edit", await pages.WithLeadersAsync(new TeamFormViewModel()));

    [HttpPost("new")]
    public async Task<IActionResult> Create(TeamFormViewModel model)
    {
        AddErrors(await teams.ValidateAsync(model));
        if (!ModelState.IsValid)
        {
            return View("Edit", await pages.WithLeadersAsync(model));
        }

        var result = await teams.CreateAsync(model, User.PersonId());
        TempData.Success(S["TeamSaved", result.Value!]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) => await pages.TeamAsync(id) is { } model ? View(model) : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, TeamFormViewModel model)
    {
        if (!await pages.TeamExistsAsync(id))
        {
            return NotFound();
        }

        model.Id = id;
        AddErrors(await teams.ValidateAsync(model));
        if (!ModelState.IsValid)
        {
            return View(await pages.WithLeadersAsync(model));
        }

        var result = await teams.UpdateAsync(id, model, User.PersonId());
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData.Success(S["TeamSaved", result.Value!]);
        return RedirectToAction(nameof(Index));
    }

    private void AddErrors(IReadOnlyList<(string Field, string Message)> errors)
    {
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
    }
}
