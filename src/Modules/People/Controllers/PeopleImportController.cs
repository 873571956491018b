using System.Text;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.People.Services;
using ChangeAgentAcademy.People.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.People.Controllers;

/// <summary>People from a CSV file: upload for a dry run, read what would change, confirm to apply.</summary>
[RequirePermission(PeoplePermissions.Manage)]
[Route("admin/people/import")]
public sealed class PeopleImportController(PeopleImport import, ChangeAgentAcademy.Hosting.ISiteAddress site, IStringLocalizer<PeopleText> S) : Controller
{
    private const long MaxFileBytes = 4 * 1024 * 1024;

    [HttpGet("")]
    public IActionResult Index() => View(new PeopleImportViewModel(null, null));

    [HttpPost("")]
    [RequestSizeLimit(MaxFileBytes + 64 * 1024)]
    public async Task<IActionResult> DryRun(IFormFile? file)
    {
        if (file is null || file.Length == 0)
        {
            return View("Index", new PeopleImportViewModel(null, new PeopleImportResult(S["CsvChooseFile"], [])));
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var csv = await reader.ReadToEndAsync();
        return View("Index", new PeopleImportViewModel(csv, await import.AnalyseAsync(csv, User.RequiredPersonId())));
    }

    [HttpPost("apply")]
    [RequestSizeLimit(2 * MaxFileBytes)]
    [RequestFormLimits(ValueLengthLimit = (int)(2 * MaxFileBytes))]
    public async Task<IActionResult> Apply(string? csv)
    {
        if (string.IsNullOrEmpty(csv))
        {
            return BadRequest();
        }

        var result = await import.ApplyAsync(csv, User.RequiredPersonId(), (user, token) => site.Absolute(Url.Action("Reset", "Account", new { email = user.Email, token })!));
        if (!result.CanApply)
        {
            return View("Index", new PeopleImportViewModel(csv, result));
        }

        TempData.Success(S["CsvApplied", result.Count(RowAction.Create), result.Count(RowAction.Update), result.Count(RowAction.Unchanged)]);
        return RedirectToAction(nameof(PeopleController.Index), "People");
    }
}
