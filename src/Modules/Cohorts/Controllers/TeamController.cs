using System.Text;
using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace ChangeAgentAcademy.Cohorts.Controllers;

/// <summary>A leader's own teams: who is in which cohort and how far they are. Status only, never anyone's writing.</summary>
[RequirePermission(CohortPermissions.ViewTeam)]
[Route("team")]
public sealed class TeamController(CohortPages pages, EnrolmentService enrolment, TeamExport export, ICitizenDataCheck citizenData, TimeProvider clock, IStringLocalizer<CohortsText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.TeamAsync(User.RequiredPersonId()));

    /// <summary>Enrols the ticked team members (or the leader, into a leader track) in one action.</summary>
    [HttpPost("enrol")]
    public async Task<IActionResult> Enrol(Guid cohortId, List<Guid> people)
    {
        var result = await enrolment.EnrolAsync(cohortId, people, User.RequiredPersonId(), User.IsInRole(Roles.Administrator));
        if (result.Status is ResultStatus.Forbidden)
        {
            return Forbid();
        }

        TempData.FromAll(result, S["EnrolDone", result.Value.Enrolled, result.Value.Waitlisted]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("requests/{id:guid}")]
    public async Task<IActionResult> Decide(Guid id, string? decision, string? message, string? citizenDataConfirmed)
    {
        // "Send anyway" after a citizen-data warning carries the decision the leader chose.
        var confirmed = !string.IsNullOrEmpty(citizenDataConfirmed);
        decision ??= citizenDataConfirmed;
        if (decision is not ("approve" or "decline") || (message?.Length ?? 0) > 1000)
        {
            return BadRequest();
        }

        // The message goes to the person who asked: nothing is decided while it may identify a citizen, unless sent anyway (#15).
        if (!confirmed && CitizenDataWarning.Check(citizenData, message) is { } warning)
        {
            var page = await pages.TeamAsync(User.RequiredPersonId());
            if (page.Requests.Any(r => r.Id == id))
            {
                return View(nameof(Index), page with { MessageFor = id, MessageText = message!, MessageDecision = decision, MessageCitizenData = warning });
            }
        }

        var result = await enrolment.DecideAsync(id, decision == "approve", message, User.RequiredPersonId(), User.IsInRole(Roles.Administrator));
        if (result.Status is ResultStatus.Forbidden)
        {
            return Forbid();
        }

        TempData.FromAll(result, S[decision == "approve" ? "RequestApproved" : "RequestDeclined"]);
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("withdraw")]
    public async Task<IActionResult> Withdraw(Guid cohortId, Guid personId, bool confirmed = false)
    {
        if (!confirmed && await pages.TeamPlaceAsync(cohortId, personId, User.RequiredPersonId()) is { } place)
        {
            return View("Confirm", new Confirmation(S["WithdrawQuestion", place.Person, place.Cohort], S["WithdrawConfirm", place.Person], S["WithdrawKeep", place.Person], Url.Action(nameof(Index))!, S["WithdrawDetail"],
                [new("cohortId", cohortId.ToString()), new("personId", personId.ToString())]));
        }

        var result = await enrolment.WithdrawAsync(cohortId, personId, User.RequiredPersonId(), mayManageCohort: false);
        if (result.Status is ResultStatus.Forbidden)
        {
            return Forbid();
        }

        TempData.FromAll(result, S["Withdrawn"]);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("export.csv")]
    public async Task<IActionResult> ExportCsv()
    {
        var rows = await export.RowsAsync(User.RequiredPersonId());
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', export.Headers().Select(Quote)));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', row.Select(Quote)));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"team-{clock.GetUtcNow():yyyy-MM-dd}.csv");
    }

    [HttpGet("export.xlsx")]
    public async Task<IActionResult> ExportXlsx()
    {
        var headers = export.Headers();
        var sheet = (await export.RowsAsync(User.RequiredPersonId())).Select(r => headers.Zip(r).ToDictionary(p => p.First, p => (object)p.Second)).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"team-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");
    }

    // Quote every field; a leading = + - @ would be read as a formula by spreadsheet programs.
    private static string Quote(string value) =>
        "\"" + (value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value).Replace("\"", "\"\"") + "\"";
}
