using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Resources;
using ChangeAgentAcademy.Outcomes.Services;
using ChangeAgentAcademy.Outcomes.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Outcomes.Controllers;

/// <summary>The administrator's completion rules per track.</summary>
[RequirePermission(OutcomesPermissions.ManageRules)]
[Route("outcomes/rules")]
public sealed class RulesController(RulePages pages, RuleService rules, IStringLocalizer<OutcomesText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.RulesAsync());

    [HttpPost("{track}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Save(string track, RuleFormViewModel input)
    {
        input.Track = track;
        if (!ModelState.IsValid)
        {
            input.Error = S["Rules.NotANumber"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), await pages.RulesAsync(input));
        }

        var result = await rules.SaveAsync(input, User.RequiredPersonId());
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Ok)
        {
            input.Error = result.Error;
            Response.StatusCode = result.HttpStatus;
            return View(nameof(Index), await pages.RulesAsync(input));
        }

        TempData.Success(S["Rules.Saved", S["Track." + track]]);
        return RedirectToAction(nameof(Index));
    }
}
