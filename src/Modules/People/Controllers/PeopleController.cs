using ChangeAgentAcademy.Hosting;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.People.Services;
using ChangeAgentAcademy.People.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.People.Controllers;

[RequirePermission(PeoplePermissions.Manage)]
[Route("admin/people")]
public sealed class PeopleController(PeoplePages pages, PeopleService people, ISiteAddress site, IStringLocalizer<PeopleText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1) => View(await pages.ListAsync(q, page));

    [HttpGet("new")]
    public async Task<IActionResult> Create() => View("Edit", await pages.NewPersonAsync());

    [HttpPost("new")]
    public async Task<IActionResult> Create(PersonFormViewModel model)
    {
        AddErrors(await people.ValidateAsync(model, existingId: null, User.PersonId()));
        if (!ModelState.IsValid)
        {
            return View("Edit", await pages.WithTeamsAsync(model));
        }

        var result = await people.CreateAsync(model, User.RequiredPersonId(), (user, token) => site.Absolute(Url.Action("Reset", "Account", new { email = user.Email, token })!));
        if (!result.Ok)
        {
            AddErrors(result.Errors.Select(e => (string.Empty, e)).ToList());
            return View("Edit", await pages.WithTeamsAsync(model));
        }

        TempData.Success(S["PersonCreated", result.Value!]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id) => await pages.PersonAsync(id) is { } model ? View(model) : NotFound();

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, PersonFormViewModel model)
    {
        if (!await pages.PersonExistsAsync(id))
        {
            return NotFound();
        }

        model.Id = id;
        AddErrors(await people.ValidateAsync(model, id, User.PersonId()));
        if (!ModelState.IsValid)
        {
            return View(await pages.WithTeamsAsync(model));
        }

        var result = await people.UpdateAsync(id, model, User.RequiredPersonId());
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Ok)
        {
            AddErrors(result.Errors.Select(e => (string.Empty, e)).ToList());
            return View(await pages.WithTeamsAsync(model));
        }

        TempData.Success(S["PersonSaved", result.Value!]);
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
