using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Privacy.Resources;
using ChangeAgentAcademy.Privacy.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Privacy.Controllers;

/// <summary>The data protection officer's pages: erasure requests and erasure, exports of anyone, retention's next run, the record of processing.</summary>
[RequirePermission(PrivacyPermissions.Officer)]
[Route("privacy")]
public sealed class PrivacyController(PrivacyPages pages, ErasureService erasure, ExportService exports, IStringLocalizer<PrivacyText> S) : Controller
{
    private const int QueryLength = 200;

    private Guid Me => User.RequiredPersonId();

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q)
    {
        if (q?.Length > QueryLength)
        {
            return BadRequest();
        }

        return View(await pages.OfficerAsync(Me, q));
    }

    [HttpGet("people/{id:guid}/erase")]
    public async Task<IActionResult> Erase(Guid id)
    {
        var model = await pages.EraseAsync(Me, id);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("people/{id:guid}/erase")]
    public async Task<IActionResult> EraseNow(Guid id, bool confirmed = false, Guid? request = null)
    {
        if (!confirmed)
        {
            return RedirectToAction(nameof(Erase), new { id });
        }

        var result = await erasure.EraseAsync(Me, id, request);
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Ok)
        {
            Response.StatusCode = result.HttpStatus;
            var model = await pages.EraseAsync(Me, id);
            return model is null ? NotFound() : View(nameof(Erase), model with { Refusals = result.Errors });
        }

        TempData.Success(S["Erased"]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("people/{id:guid}/export")]
    public async Task<IActionResult> Export(Guid id)
    {
        var result = await exports.RequestAsync(Me, id);
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        TempData.From(result, S[ExportRules.NoticeKey(result.Ok ? await exports.StatusAsync(result.Value) : null)]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("retention")]
    public async Task<IActionResult> Retention() => View(await pages.RetentionAsync());

    [HttpGet("record")]
    public IActionResult Record() => View(pages.Record());
}
