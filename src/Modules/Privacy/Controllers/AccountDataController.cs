using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Privacy.Resources;
using ChangeAgentAcademy.Privacy.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Privacy.Controllers;

/// <summary>A person's own data (GDPR art. 15, 17, 20): prepare and download it, see what would keep it, ask to be erased (and withdraw that), read what the site keeps about people.</summary>
[Authorize]
[Route("account/data")]
public sealed class AccountDataController(PrivacyPages pages, ExportService exports, ErasureService erasure, IStringLocalizer<PrivacyText> S) : Controller
{
    private Guid Me => User.RequiredPersonId();

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.AccountDataAsync(Me));

    /// <summary>What the site keeps about people, for everyone signed in: the record of processing without the officer's detail.</summary>
    [HttpGet("record")]
    public IActionResult Record() => View(pages.KeptData());

    [HttpPost("export")]
    public async Task<IActionResult> Export()
    {
        var result = await exports.RequestAsync(Me, Me);
        TempData.From(result, S[ExportRules.NoticeKey(result.Ok ? await exports.StatusAsync(result.Value) : null)]);
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

    /// <summary>Withdraws the person's own request while it waits; someone else's (or none) is 404, one no longer waiting a readable refusal (409).</summary>
    [HttpPost("erasure/{id:guid}/withdraw")]
    public async Task<IActionResult> WithdrawErasure(Guid id)
    {
        var result = await erasure.WithdrawAsync(Me, id);
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Ok)
        {
            Response.StatusCode = result.HttpStatus;
            return View(nameof(Index), await pages.AccountDataAsync(Me) with { Refusal = result.Error });
        }

        TempData.Success(S["ErasureWithdrawn"]);
        return RedirectToAction(nameof(Index));
    }
}
