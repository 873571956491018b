using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Notifications.Resources;
using ChangeAgentAcademy.Notifications.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Notifications.Controllers;

/// <summary>
/// A person's own notices and how they want them mailed. Every query is limited to the signed-in
/// person: nobody has a permission to read another person's inbox.
/// </summary>
[Authorize]
[Route("inbox")]
public sealed class InboxController(InboxService inbox, IStringLocalizer<NotificationsText> S) : Controller
{
    public const int PageSize = InboxService.PageSize;

    [HttpGet("")]
    public async Task<IActionResult> Index(int page = 1) => View(await inbox.PageAsync(User.RequiredPersonId(), page));

    /// <summary>Marks one of the person's notices read and opens it (only ever on this site).</summary>
    [HttpPost("{id:guid}/read")]
    public async Task<IActionResult> Read(Guid id)
    {
        var result = await inbox.ReadAsync(User.RequiredPersonId(), id);
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        // The notice's own link (a path on this site, checked by the service), else back to the inbox.
        return result.Value is { } local ? Redirect(local) : RedirectToAction(nameof(Index));
    }

    [HttpPost("read-all")]
    public async Task<IActionResult> ReadAll()
    {
        TempData.From(await inbox.ReadAllAsync(User.RequiredPersonId()), S["AllMarkedRead"]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("settings")]
    public async Task<IActionResult> Settings() => View(await inbox.SettingsAsync(User.RequiredPersonId()));

    [HttpPost("settings")]
    public async Task<IActionResult> SaveSettings([FromForm] string? mode)
    {
        // Only the names themselves: Enum.TryParse would also take "1" or "Immediate, DailyDigest".
        if (mode is null || !Enum.GetNames<DeliveryMode>().Contains(mode, StringComparer.Ordinal))
        {
            ModelState.AddModelError("mode", S["ChooseDeliveryMode"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Settings", await inbox.SettingsAsync(User.RequiredPersonId()));
        }

        TempData.From(await inbox.SaveSettingsAsync(User.RequiredPersonId(), Enum.Parse<DeliveryMode>(mode)), S["SettingsSaved"]);
        return RedirectToAction(nameof(Settings));
    }
}
