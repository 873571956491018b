using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Messaging;
using System.Globalization;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Cohorts.Controllers;

[RequirePermission(CohortPermissions.View)]
[Route("cohorts")]
public sealed class CohortsController(AppDbContext db, IPermissionService permissions, EnrolmentService enrolment, ProgrammeTime time, TimeProvider clock, INotifier notifier, IStringLocalizer<SharedText> shared, IStringLocalizer<CohortsText> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var rows = await Visible()
            .OrderByDescending(c => c.StartDate)
            .Select(c => new CohortRow(c.Id, c.Name, c.StartDate, c.Track, c.Status,
                db.Set<CohortMember>().Count(m => m.CohortId == c.Id && m.Status == MemberStatus.Enrolled), c.Capacity))
            .ToListAsync();
        ViewData["CanManage"] = permissions.Has(User, CohortPermissions.Manage);
        return View(rows);
    }

    /// <summary>The trainer's cohort view: calendar, members and their progress. Four queries for any cohort size.</summary>
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id)
    {
        var cohort = await db.Set<Cohort>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                Cohort = c,
                Trainers = (from tr in db.Set<CohortTrainer>() join u in db.Users on tr.UserId equals u.Id where tr.CohortId == c.Id orderby u.DisplayName select new { u.Id, u.DisplayName }).ToList(),
            })
            .FirstOrDefaultAsync();
        if (cohort is null)
        {
            return NotFound();
        }

        // Data scope: a trainer sees the cohorts they run; only ViewAll sees the rest.
        var me = User.RequiredPersonId();
        var runsIt = cohort.Trainers.Any(x => x.Id == me);
        var seesAll = permissions.Has(User, CohortPermissions.ViewAll);
        if (!runsIt && !seesAll)
        {
            return Forbid();
        }

        var c = cohort.Cohort;
        var members = await (from m in db.Set<CohortMember>()
                             join u in db.Users on m.UserId equals u.Id
                             where m.CohortId == id && m.Status != MemberStatus.Withdrawn
                             orderby m.Status, u.DisplayName
                             select new { m.UserId, u.DisplayName, Team = db.Teams.Where(x => x.Id == u.TeamId).Select(x => x.Name).FirstOrDefault(), m.Status }).ToListAsync();

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var outline = HttpContext.RequestServices.GetService<IProgrammeOutline>();
        var modules = outline is null ? [] : await outline.ModulesAsync(ProgressRules.TrackName(c.Track), language);
        var releases = CohortCalendar.Releases(c.StartDate, c.CadenceWeeks, c.CadenceDay, c.ReleaseTime, c.TimeZone, modules.Count > 0 ? modules.Count : ProgressRules.ModulesWithoutCurriculum);
        var keys = modules.SelectMany(m => m.LessonKeys).ToList();
        var done = outline is null ? new Dictionary<Guid, int>() : await outline.LessonsDoneAsync(members.Select(m => m.UserId).ToList(), keys);
        var expected = ProgressRules.Expected(modules, CohortCalendar.ReleasedBy(releases, clock.GetUtcNow().UtcDateTime));
        // Counts only (never content), and what waits for review, from the Reflections module when it is on.
        var assignments = HttpContext.RequestServices.GetService<IAssignmentProgress>();
        var counts = assignments is null ? new Dictionary<Guid, AssignmentCounts>() : await assignments.CountsAsync(members.Select(m => m.UserId).ToList());
        ViewData["WaitingForReview"] = assignments is null ? null : counts.Values.Sum(c => c.Waiting);
        var rows = members.Select(m =>
        {
            var d = done.GetValueOrDefault(m.UserId);
            var a = counts.GetValueOrDefault(m.UserId);
            return new MemberRow(m.UserId, m.DisplayName, m.Team, m.Status, d, keys.Count, ProgressRules.Status(m.Status, d, keys.Count, expected, a?.Overdue ?? 0), a);
        }).ToList();
        var calendar = releases.Select((r, i) => new CalendarRow(r, modules.ElementAtOrDefault(i)?.Title)).ToList();
        var canManage = permissions.Has(User, CohortPermissions.Manage) && (seesAll || runsIt);
        return View(new CohortDetails(c.Id, c.Name, c.Language, c.Track, c.Status, c.StartDate, c.CadenceWeeks, c.CadenceDay, c.ReleaseTime, c.TimeZone,
            c.Capacity, cohort.Trainers.Select(x => x.DisplayName).ToList(), rows, calendar, canManage));
    }

    [RequirePermission(CohortPermissions.Manage)]
    [HttpGet("new")]
    public async Task<IActionResult> Create()
    {
        var model = new CohortFormViewModel { StartDate = time.Today.AddDays(14), TimeZone = time.Zone.Id, TrainerIds = [User.RequiredPersonId()] };
        return View("Edit", await WithTrainers(model));
    }

    [RequirePermission(CohortPermissions.Manage)]
    [HttpPost("new")]
    public async Task<IActionResult> Create(CohortFormViewModel model)
    {
        await ValidateAsync(model, existing: null);
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithTrainers(model));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var cohort = new Cohort { Id = Guid.NewGuid(), CreatedUtc = now, Status = CohortStatus.Open };
        Apply(model, cohort);
        db.Set<Cohort>().Add(cohort);
        db.Set<CohortTrainer>().AddRange(model.TrainerIds.Distinct().Select(id => new CohortTrainer { CohortId = cohort.Id, UserId = id }));
        db.AddAudit(now, User.PersonId(), "cohorts.created", cohort.Id.ToString(), cohort.Name);
        await db.SaveChangesAsync();
        TempData["Flash"] = t["CohortSaved", cohort.Name].Value;
        return Redirect($"/cohorts/{cohort.Id}");
    }

    [RequirePermission(CohortPermissions.Manage)]
    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var cohort = await db.Set<Cohort>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (cohort is null)
        {
            return NotFound();
        }

        if (!await CanManageAsync(id))
        {
            return Forbid();
        }

        var model = new CohortFormViewModel
        {
            Id = id, Name = cohort.Name, Language = cohort.Language, Track = cohort.Track, StartDate = cohort.StartDate, CadenceWeeks = cohort.CadenceWeeks,
            CadenceDay = cohort.CadenceDay, ReleaseTime = cohort.ReleaseTime, TimeZone = cohort.TimeZone, Capacity = cohort.Capacity, Status = cohort.Status,
            TrainerIds = await db.Set<CohortTrainer>().Where(x => x.CohortId == id).Select(x => x.UserId).ToListAsync(),
        };
        return View(await WithTrainers(model));
    }

    [RequirePermission(CohortPermissions.Manage)]
    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, CohortFormViewModel model)
    {
        var cohort = await db.Set<Cohort>().FirstOrDefaultAsync(c => c.Id == id);
        if (cohort is null)
        {
            return NotFound();
        }

        if (!await CanManageAsync(id))
        {
            return Forbid();
        }

        model.Id = id;
        await ValidateAsync(model, cohort);
        var me = User.RequiredPersonId();
        var before = await db.Set<CohortTrainer>().Where(x => x.CohortId == id).Select(x => x.UserId).ToListAsync();
        var added = model.TrainerIds.Distinct().Except(before).ToList();
        if (added.Contains(me))
        {
            // Separation of duties (AccessGrants): a trainer place opens the cohort's reflections; nobody takes one themself.
            ModelState.AddModelError(nameof(model.TrainerIds), shared["CannotGrantYourself"]);
        }

        if (!ModelState.IsValid)
        {
            return View(await WithTrainers(model));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        Apply(model, cohort);
        cohort.Status = model.Status;
        await db.Set<CohortTrainer>().Where(x => x.CohortId == id).ExecuteDeleteAsync();
        db.Set<CohortTrainer>().AddRange(model.TrainerIds.Distinct().Select(u => new CohortTrainer { CohortId = id, UserId = u }));
        foreach (var trainer in added)
        {
            db.AddAudit(now, me, "cohorts.trainer-added", id.ToString(), trainer.ToString());
            await AccessGrants.NotifyAsync(db, notifier, shared, before, AccessGrants.Kind.CohortTrainer, id.ToString(), cohort.Name, trainer, me, $"/cohorts/{id}", now);
        }

        db.AddAudit(now, me, "cohorts.updated", id.ToString(), cohort.Name);
        await db.SaveChangesAsync();
        // More places than before: the waiting list moves up now, not at the next withdrawal.
        await enrolment.FillFreePlacesAsync(id, me);
        TempData["Flash"] = t["CohortSaved", cohort.Name].Value;
        return Redirect($"/cohorts/{id}");
    }

    /// <summary>A trainer or administrator removes a member; the waiting list moves up.</summary>
    [RequirePermission(CohortPermissions.Manage)]
    [HttpPost("{id:guid}/remove/{personId:guid}")]
    public async Task<IActionResult> Remove(Guid id, Guid personId, bool confirmed = false)
    {
        var cohortName = await db.Set<Cohort>().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync();
        if (cohortName is null)
        {
            return NotFound();
        }

        if (!await CanManageAsync(id))
        {
            return Forbid();
        }

        // One click used to remove: the row's button now asks first (a page that works without JavaScript).
        if (!confirmed)
        {
            var name = await (from m in db.Set<CohortMember>()
                              join u in db.Users on m.UserId equals u.Id
                              where m.CohortId == id && m.UserId == personId && m.Status != MemberStatus.Withdrawn
                              select u.DisplayName).FirstOrDefaultAsync();
            if (name is not null)
            {
                return View("Confirm", new Confirmation(t["RemoveQuestion", name, cohortName], t["RemoveConfirm", name], t["RemoveKeep", name], $"/cohorts/{id}", t["RemoveDetail", name]));
            }
        }

        var outcome = await enrolment.WithdrawAsync(id, personId, User.RequiredPersonId(), mayManageCohort: true);
        TempData["Flash"] = outcome.Ok ? t["MemberRemoved"].Value : string.Join(" ", outcome.Errors);
        return Redirect($"/cohorts/{id}");
    }

    private static void Apply(CohortFormViewModel model, Cohort cohort)
    {
        cohort.Name = model.Name!.Trim();
        cohort.Language = model.Language!;
        cohort.Track = model.Track;
        cohort.StartDate = model.StartDate!.Value;
        cohort.CadenceWeeks = model.CadenceWeeks;
        cohort.CadenceDay = model.CadenceDay;
        cohort.ReleaseTime = model.ReleaseTime!.Value;
        cohort.TimeZone = model.TimeZone!.Trim();
        cohort.Capacity = model.Capacity;
    }

    private async Task ValidateAsync(CohortFormViewModel model, Cohort? existing)
    {
        if (!ProgrammeOptions.IsSupported(model.Language))
        {
            ModelState.AddModelError(nameof(model.Language), t["ChooseLanguage"]);
        }

        // A new start date in the past is refused; an existing cohort may keep the date it already had.
        if (model.StartDate is { } start && start < time.Today && start != existing?.StartDate)
        {
            ModelState.AddModelError(nameof(model.StartDate), t["StartInPast"]);
        }

        if (!string.IsNullOrWhiteSpace(model.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(model.TimeZone.Trim(), out _))
        {
            ModelState.AddModelError(nameof(model.TimeZone), t["UnknownTimeZone", model.TimeZone]);
        }

        if (!Enum.IsDefined(model.CadenceDay) || !Enum.IsDefined(model.Track) || !Enum.IsDefined(model.Status))
        {
            ModelState.AddModelError(string.Empty, t["ChooseFromList"]);
        }

        model.TrainerIds = model.TrainerIds.Distinct().ToList();
        var trainerIds = TrainerIds();
        var valid = await db.Users.CountAsync(u => model.TrainerIds.Contains(u.Id) && trainerIds.Contains(u.Id));
        if (model.TrainerIds.Count == 0 || valid != model.TrainerIds.Count)
        {
            ModelState.AddModelError(nameof(model.TrainerIds), t["ChooseTrainers"]);
        }

        if (existing is not null && model.Capacity < await db.Set<CohortMember>().CountAsync(m => m.CohortId == existing.Id && m.Status == MemberStatus.Enrolled))
        {
            ModelState.AddModelError(nameof(model.Capacity), t["CapacityBelowEnrolled"]);
        }
    }

    private IQueryable<Guid> TrainerIds() =>
        from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Trainer select ur.UserId;

    private async Task<CohortFormViewModel> WithTrainers(CohortFormViewModel model)
    {
        var ids = TrainerIds();
        model.Trainers = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new TrainerOption(u.Id, u.DisplayName)).ToListAsync();
        return model;
    }

    private async Task<bool> CanManageAsync(Guid cohortId)
    {
        if (!permissions.Has(User, CohortPermissions.Manage))
        {
            return false;
        }

        if (permissions.Has(User, CohortPermissions.ViewAll))
        {
            return true;
        }

        var me = User.RequiredPersonId();
        return await db.Set<CohortTrainer>().AnyAsync(x => x.CohortId == cohortId && x.UserId == me);
    }

    private IQueryable<Cohort> Visible()
    {
        var cohorts = db.Set<Cohort>().AsNoTracking();
        if (permissions.Has(User, CohortPermissions.ViewAll))
        {
            return cohorts;
        }

        var me = User.RequiredPersonId();
        return cohorts.Where(c => db.Set<CohortTrainer>().Any(x => x.CohortId == c.Id && x.UserId == me));
    }
}
