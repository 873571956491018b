using ChangeAgentAcademy.Outcomes.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Outcomes.Controllers;

/// <summary>The programme owner's view: numbers per cohort and team, the weekly trend, and each table as CSV.</summary>
[RequirePermission(OutcomesPermissions.ViewProgramme)]
[Route("programme")]
public sealed class ProgrammeController(ProgrammePages pages, ProgrammeCsv csv) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? cohort, int page = 1) => View(await pages.PageAsync(cohort, page));

    [HttpGet("cohorts.csv")]
    public async Task<IActionResult> CohortsCsv()
    {
        var model = await pages.PageAsync(null, 1);
        return File(csv.Groups([model.Total, .. model.Cohorts]), "text/csv; charset=utf-8", "programme-cohorts.csv");
    }

    [HttpGet("teams.csv")]
    public async Task<IActionResult> TeamsCsv()
    {
        var model = await pages.PageAsync(null, 1, allTeams: true);
        return File(csv.Groups(model.SmallTeams is null ? model.Teams : [.. model.Teams, model.SmallTeams]), "text/csv; charset=utf-8", "programme-teams.csv");
    }

    [HttpGet("trend.csv")]
    public async Task<IActionResult> TrendCsv(Guid? cohort)
    {
        var model = await pages.PageAsync(cohort, 1);
        return model.TrendSuppressed ? NotFound() : File(csv.Trend(model.Trend), "text/csv; charset=utf-8", "programme-trend.csv");
    }
}
