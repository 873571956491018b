using ChangeAgentAcademy.Audit.Resources;
using ChangeAgentAcademy.Audit.Services;
using ChangeAgentAcademy.Audit.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Audit.Controllers;

/// <summary>The audit you can read: filter, page, download as CSV. A filter that cannot be run is a 400 page with the reason.</summary>
[RequirePermission(AuditPermissions.View)]
[Route("admin/audit")]
public sealed class AuditController(AuditPages pages, TimeProvider clock, IStringLocalizer<AuditText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditFilterViewModel filter, CancellationToken ct)
    {
        if (!Check(filter))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(pages.Refused(filter));
        }

        return View(await pages.PageAsync(filter, ct));
    }

    [HttpGet("csv")]
    public IActionResult Csv([FromQuery] AuditFilterViewModel filter)
    {
        if (!Check(filter))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Index), pages.Refused(filter));
        }

        var name = $"audit-{clock.GetUtcNow():yyyy-MM-dd}.csv";
        return new StreamedCsvResult(name, (stream, ct) => pages.WriteCsvAsync(filter, stream, ct));
    }

    /// <summary>
    /// The rules' refusals in the model state; a value binding could not read (a date that is not one) gets the same
    /// localized message instead of the framework's English one.
    /// </summary>
    private bool Check(AuditFilterViewModel filter)
    {
        foreach (var key in new[] { nameof(filter.From), nameof(filter.To), nameof(filter.Before) })
        {
            // A date that is a date but out of range keeps the site's message; text that is no date (or no page) gets ours.
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0
                && (key == nameof(filter.Before) || !DateOnly.TryParse(entry.AttemptedValue, System.Globalization.CultureInfo.InvariantCulture, out _)))
            {
                entry.Errors.Clear();
                ModelState.AddModelError(key, S[key == nameof(filter.Before) ? "PageInvalid" : "DateInvalid"]);
            }
        }

        foreach (var (field, key) in AuditRules.Validate(filter))
        {
            ModelState.AddModelError(field, S[key]);
        }

        return ModelState.IsValid;
    }
}
