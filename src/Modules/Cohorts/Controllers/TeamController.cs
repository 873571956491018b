using System.Globalization;
using System.Text;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace ChangeAgentAcademy.Cohorts.Controllers;

/// <summary>A leader's own teams: who is in which cohort and how far they are. Status only, never anyone's writing.</summary>
[RequirePermission(CohortPermissions.ViewTeam)]
[Route("team")]
public sealed class TeamController(AppDbContext db, TeamProgress progress, EnrolmentService enrolment, TimeProvider clock, IStringLocalizer<CohortsText> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var (teams, requests) = await progress.ForLeaderWithRequestsAsync(User.RequiredPersonId());
        return View(new TeamPageModel(teams, await enrolment.OpenCohortsAsync(), requests));
    }

    /// <summary>Enrols the ticked team members (or the leader, into a leader track) in one action.</summary>
    [HttpPost("enrol")]
    public async Task<IActionResult> Enrol(Guid cohortId, List<Guid> people)
    {
        var outcome = await enrolment.EnrolAsync(cohortId, people, User.RequiredPersonId(), User.IsInRole(Roles.Administrator));
        if (outcome.Forbidden)
        {
            return Forbid();
        }

        TempData["Flash"] = outcome.Ok ? t["EnrolDone", outcome.Enrolled, outcome.Waitlisted].Value : string.Join(" ", outcome.Errors);
        TempData["FlashIsError"] = !outcome.Ok;
        return Redirect("/team");
    }

    [HttpPost("requests/{id:guid}")]
    public async Task<IActionResult> Decide(Guid id, string decision, string? message)
    {
        if (decision is not ("approve" or "decline") || (message?.Length ?? 0) > 1000)
        {
            return BadRequest();
        }

        var outcome = await enrolment.DecideAsync(id, decision == "approve", message, User.RequiredPersonId(), User.IsInRole(Roles.Administrator));
        if (outcome.Forbidden)
        {
            return Forbid();
        }

        TempData["Flash"] = outcome.Ok ? t[decision == "approve" ? "RequestApproved" : "RequestDeclined"].Value : string.Join(" ", outcome.Errors);
        TempData["FlashIsError"] = !outcome.Ok;
        return Redirect("/team");
    }

    [HttpPost("withdraw")]
    public async Task<IActionResult> Withdraw(Guid cohortId, Guid personId, bool confirmed = false)
    {
        if (!confirmed)
        {
            var me = User.RequiredPersonId();
            var place = await (from m in db.Set<CohortMember>()
                               join c in db.Set<Cohort>() on m.CohortId equals c.Id
                               join u in db.Users on m.UserId equals u.Id
                               join team in db.Teams on u.TeamId equals team.Id
                               where m.CohortId == cohortId && m.UserId == personId && m.Status != MemberStatus.Withdrawn && team.LeaderId == me
                               select new { Person = u.DisplayName, Cohort = c.Name }).FirstOrDefaultAsync();
            if (place is not null)
            {
                return View("Confirm", new Confirmation(t["WithdrawQuestion", place.Person, place.Cohort], t["WithdrawConfirm", place.Person], t["WithdrawKeep", place.Person], "/team", t["WithdrawDetail"],
                    [new("cohortId", cohortId.ToString()), new("personId", personId.ToString())]));
            }
        }

        var outcome = await enrolment.WithdrawAsync(cohortId, personId, User.RequiredPersonId(), mayManageCohort: false);
        if (outcome.Forbidden)
        {
            return Forbid();
        }

        TempData["Flash"] = outcome.Ok ? t["Withdrawn"].Value : string.Join(" ", outcome.Errors);
        TempData["FlashIsError"] = !outcome.Ok;
        return Redirect("/team");
    }

    [HttpGet("export.csv")]
    public async Task<IActionResult> ExportCsv()
    {
        var rows = await ExportRowsAsync();
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(',', Headers().Select(Quote)));
        foreach (var row in rows)
        {
            csv.AppendLine(string.Join(',', row.Select(Quote)));
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", $"team-{clock.GetUtcNow():yyyy-MM-dd}.csv");
    }

    [HttpGet("export.xlsx")]
    public async Task<IActionResult> ExportXlsx()
    {
        var headers = Headers();
        var sheet = (await ExportRowsAsync()).Select(r => headers.Zip(r).ToDictionary(p => p.First, p => (object)p.Second)).ToList();
        var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"team-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");
    }

    private string[] Headers() => [t["Team"], t["Name"], t["Cohort"], t["Membership"], t["LessonsDoneHeading"], t["LessonsTotalHeading"], t["AssignmentsSubmittedHeading"], t["AssignmentsAcceptedHeading"], t["AssignmentsOverdueHeading"], t["Status"]];

    private async Task<List<string[]>> ExportRowsAsync()
    {
        var me = User.RequiredPersonId();
        db.AddAudit(clock.GetUtcNow().UtcDateTime, me, "team.exported", me.ToString());
        await db.SaveChangesAsync();
        return (await progress.ForLeaderAsync(me))
            .SelectMany(team => team.Members.Select(m => new[]
            {
                team.Name, m.Name, m.Cohort ?? "", m.Membership is { } s ? t["MemberStatus." + s].Value : t["NotEnrolled"].Value,
                m.LessonsDone.ToString(CultureInfo.InvariantCulture), m.LessonsTotal.ToString(CultureInfo.InvariantCulture),
                (m.Assignments?.Submitted ?? 0).ToString(CultureInfo.InvariantCulture), (m.Assignments?.Accepted ?? 0).ToString(CultureInfo.InvariantCulture), (m.Assignments?.Overdue ?? 0).ToString(CultureInfo.InvariantCulture),
                m.Progress is { } p ? t["Progress." + p].Value : "",
            }))
            .ToList();
    }

    // Quote every field; a leading = + - @ would be read as a formula by spreadsheet programs.
    private static string Quote(string value) =>
        "\"" + (value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value).Replace("\"", "\"\"") + "\"";
}
