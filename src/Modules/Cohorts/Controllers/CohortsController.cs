using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.Controllers;

[RequirePermission(CohortPermissions.View)]
[Route("cohorts")]
public sealed class CohortsController(AppDbContext db, IPermissionService permissions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await Visible()
            .OrderByDescending(c => c.StartDate)
            .Select(c => new CohortRow(c.Id, c.Name, c.StartDate, c.Track, c.Status,
                db.Set<CohortMember>().Count(m => m.CohortId == c.Id && m.Status == MemberStatus.Enrolled), c.Capacity))
            .ToListAsync();
        return View(rows);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var cohort = await db.Set<Cohort>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (cohort is null)
        {
            return NotFound();
        }

        // Data scope: a trainer sees the cohorts they run; only ViewAll sees the rest.
        if (!await Visible().AnyAsync(c => c.Id == id))
        {
            return Forbid();
        }

        var trainers = await (from t in db.Set<CohortTrainer>()
                              join u in db.Users on t.UserId equals u.Id
                              where t.CohortId == id
                              orderby u.DisplayName
                              select u.DisplayName).ToListAsync();
        var members = await (from m in db.Set<CohortMember>()
                             join u in db.Users on m.UserId equals u.Id
                             where m.CohortId == id && m.Status != MemberStatus.Withdrawn
                             orderby u.DisplayName
                             select new MemberRow(u.DisplayName, db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault(), m.Status)).ToListAsync();
        return View(new CohortDetails(cohort.Id, cohort.Name, cohort.Language, cohort.Track, cohort.StartDate, cohort.CadenceWeeks, cohort.CadenceDay, cohort.Capacity, trainers, members));
    }

    private IQueryable<Cohort> Visible()
    {
        var cohorts = db.Set<Cohort>().AsNoTracking();
        if (permissions.Has(User, CohortPermissions.ViewAll))
        {
            return cohorts;
        }

        var me = User.RequiredPersonId();
        return cohorts.Where(c => db.Set<CohortTrainer>().Any(t => t.CohortId == c.Id && t.UserId == me));
    }
}
