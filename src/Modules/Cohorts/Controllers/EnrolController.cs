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

namespace ChangeAgentAcademy.Cohorts.Controllers;

/// <summary>A participant's own places: open cohorts, asking for a place, the waiting list, withdrawing.</summary>
[RequirePermission(CohortPermissions.Request)]
[Route("enrol")]
public sealed class EnrolController(AppDbContext db, EnrolmentService enrolment, IStringLocalizer<CohortsText> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var me = User.RequiredPersonId();
        var open = await enrolment.OpenCohortsAsync();
        var places = await (from m in db.Set<CohortMember>()
                            join c in db.Set<Cohort>() on m.CohortId equals c.Id
                            where m.UserId == me && m.Status != MemberStatus.Withdrawn
                            select new MyPlace(c.Id, c.Name, m.Status,
                                m.Status == MemberStatus.Waitlisted
                                    ? db.Set<CohortMember>().Count(o => o.CohortId == c.Id && o.Status == MemberStatus.Waitlisted && o.EnrolledUtc < m.EnrolledUtc) + 1
                                    : null)).ToListAsync();
        var requests = await (from r in db.Set<EnrolmentRequest>()
                              join c in db.Set<Cohort>() on r.CohortId equals c.Id
                              where r.UserId == me
                              orderby r.RequestedUtc descending
                              select new MyRequest(c.Name, r.Status, r.Message)).Take(10).ToListAsync();
        return View(new EnrolPageModel(open, places, requests));
    }

    [HttpPost("{cohortId:guid}/request")]
    public async Task<IActionResult> RequestPlace(Guid cohortId)
    {
        if (!await db.Set<Cohort>().AnyAsync(c => c.Id == cohortId))
        {
            return NotFound();
        }

        var outcome = await enrolment.RequestAsync(cohortId, User.RequiredPersonId());
        TempData["Flash"] = outcome.Ok ? t["RequestSent"].Value : string.Join(" ", outcome.Errors);
        TempData["FlashIsError"] = !outcome.Ok;
        return Redirect("/enrol");
    }

    [HttpPost("{cohortId:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid cohortId, bool confirmed = false)
    {
        var me = User.RequiredPersonId();
        if (!confirmed)
        {
            var cohort = await (from m in db.Set<CohortMember>()
                                join c in db.Set<Cohort>() on m.CohortId equals c.Id
                                where m.CohortId == cohortId && m.UserId == me && m.Status != MemberStatus.Withdrawn
                                select c.Name).FirstOrDefaultAsync();
            if (cohort is not null)
            {
                return View("Confirm", new Confirmation(t["WithdrawSelfQuestion", cohort], t["WithdrawSelfConfirm"], t["WithdrawSelfKeep"], "/enrol", t["WithdrawDetail"]));
            }
        }

        var outcome = await enrolment.WithdrawAsync(cohortId, me, me, mayManageCohort: false);
        TempData["Flash"] = outcome.Ok ? t["Withdrawn"].Value : string.Join(" ", outcome.Errors);
        TempData["FlashIsError"] = !outcome.Ok;
        return Redirect("/enrol");
    }
}
