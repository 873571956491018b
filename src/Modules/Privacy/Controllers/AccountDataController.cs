using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Privacy.Resources;
using ChangeAgentAcademy.Privacy.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Privacy.Controllers;

/// <summary>A person's own data (GDPR art. 15, 17, 20): prepare and download it, ask to be erased.</summary>
[Authorize]
[Route("account/data")]
public sealed class AccountDataController(PrivacyPages pages, ExportService exports, ErasureService erasure, IStringLocalizer<PrivacyText> S) : Controller
{
    private Guid Me => User.RequiredPersonId();

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.AccountDataAsync(Me));

    [HttpPost("export")]
    public async Task<IActionResult> Export()
    {
        var result = await exports.RequestAsync(Me, Me);
        TempData.From(result, S["ExportRequested"]);
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The ZIP, for whoever asked for it (the person, or the officer for theirs); anyone else gets 403.</summary>
    [HttpGet("exports/{id:guid}")]
    public async Task<IActionResult> Download(Guid id)
    {
        var result = await exports.DownloadAsync(Me, id);
        return result.Status switch
        {
            ResultStatus.Ok => File(result.Value!, "application/zip", $"my-data-{id:N}.zip"),
            ResultStatus.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    [HttpPost("erasure")]
    public async Task<IActionResult> RequestErasure(bool confirmed = false)
    {
        if (!confirmed)
        {
            return View("Confirm", new Confirmation(S["RequestErasureQuestion"], S["RequestErasureConfirm"], S["RequestErasureKeep"], Url.Action(nameof(Index))!, S["RequestErasureDetail"]));
        }

        var result = await erasure.RequestAsync(Me);
        TempData.From(result, S["ErasureRequested"]);
        return RedirectToAction(nameof(Index));
    }
}
