using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Controllers;

/// <summary>A cohort's assignment dates: trainers move a date for everyone or give one trainee an extension.</summary>
[RequirePermission(ReflectionPermissions.Schedule)]
[Route("schedule")]
public sealed class ScheduleController(AppDbContext db, ICohortDirectory cohorts, IProgrammeOutline outline, IPermissionService permissions, INotifier notifier, NoticeWriter writer, ProgrammeTime time, IStringLocalizer<ReflectionsText> t) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("{cohortId:guid}")]
    public async Task<IActionResult> Index(Guid cohortId)
    {
        var refusal = await CheckAsync(cohortId);
        return refusal ?? View(await ModelAsync(cohortId));
    }

    private async Task<IActionResult> RefusedAsync(Guid cohortId)
    {
        // The page lists every error in ModelState (the binder's date-range message among them).
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("Index", await ModelAsync(cohortId));
    }

    [HttpPost("{cohortId:guid}/move/{scheduleId:long}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Move(Guid cohortId, long scheduleId, [FromForm] DateTime? release, [FromForm] DateTime? due)
    {
        var refusal = await CheckAsync(cohortId);
        if (refusal is not null)
        {
            return refusal;
        }

        var row = await db.Set<ScheduledAssignment>().FirstOrDefaultAsync(s => s.Id == scheduleId && s.CohortId == cohortId);
        if (row is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            // A date outside the sane range (the binder said so): nothing moves.
            return await RefusedAsync(cohortId);
        }

        // An emptied field is a mistake, never "keep the old date": the trainer is told and nothing moves.
        var newRelease = release is { } r && row.ReleasedUtc is null ? ScheduleRules.LocalToUtc(r, time.Zone) : row.ReleaseUtc;
        var newDue = due is { } d ? ScheduleRules.LocalToUtc(d, time.Zone) : row.DueUtc;
        var error = due is null ? t["DueRequired"].Value
            : release is null && row.ReleasedUtc is null ? t["ReleaseRequired"].Value
            : newDue <= newRelease ? t["DueBeforeRelease"].Value
            : row.ReleasedUtc is null && newRelease < time.UtcNow.AddMinutes(-1) && newRelease != row.ReleaseUtc ? t["ReleaseInPast"].Value
            : null;
        if (error is not null)
        {
            ModelState.AddModelError("", error);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            // What the trainer typed comes back in the row they tried to move.
            ViewData["MoveRow"] = scheduleId;
            ViewData["MoveRelease"] = Request.Form["release"].ToString();
            ViewData["MoveDue"] = Request.Form["due"].ToString();
            return View("Index", await ModelAsync(cohortId));
        }

        if (newRelease == row.ReleaseUtc && newDue == row.DueUtc)
        {
            TempData["Flash"] = t["DatesUnchanged"].Value;
            return Redirect($"/schedule/{cohortId}");
        }

        var shift = newDue - row.DueUtc;
        await using var transaction = await db.Database.BeginTransactionAsync();
        row.ReleaseUtc = newRelease;
        row.DueUtc = newDue;
        row.DatesMoved = true;
        // Everyone's due date moves with the cohort's, except personal extensions.
        await db.Set<AssignmentWork>().Where(w => w.ScheduledId == row.Id && !w.HasExtension)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.DueUtc, newDue).SetProperty(w => w.OverdueUtc, (DateTime?)null));
        db.AddAudit(time.UtcNow, User.PersonId(), "reflections.dates-moved", row.Id.ToString(), $"release {newRelease:O}, due {newDue:O} ({shift.TotalHours:+0;-0} h)");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        TempData["Flash"] = t["DatesMoved"].Value;
        return Redirect($"/schedule/{cohortId}");
    }

    [HttpPost("{cohortId:guid}/extend/{workId:long}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Extend(Guid cohortId, long workId, [FromForm] DateTime? due)
    {
        var refusal = await CheckAsync(cohortId);
        if (refusal is not null)
        {
            return refusal;
        }

        var item = await db.Set<AssignmentWork>().FirstOrDefaultAsync(w => w.Id == workId && w.CohortId == cohortId);
        if (item is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync(cohortId);
        }

        var newDue = due is { } d ? ScheduleRules.LocalToUtc(d, time.Zone) : (DateTime?)null;
        if (newDue is null || newDue <= time.UtcNow)
        {
            ModelState.AddModelError("", t["ExtensionInPast"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Index", await ModelAsync(cohortId));
        }

        item.DueUtc = newDue.Value;
        item.HasExtension = true;
        item.OverdueUtc = null;
        item.Revision++;
        // A new due date brings new reminders.
        await db.Set<Reminder>().Where(r => r.WorkId == item.Id).ExecuteDeleteAsync();
        var language = await db.Users.Where(u => u.Id == item.UserId).Select(u => u.Language).FirstOrDefaultAsync() ?? "en";
        var title = await writer.TitleAsync(item.LessonKey, NoticeWriter.Language(language));
        await notifier.NotifyAsync(writer.Write($"reflections:extended:{item.Id}:{newDue.Value.Ticks}", item.UserId, language, "Extended", $"/reflections/{item.Id}", title, newDue.Value));
        db.AddAudit(time.UtcNow, User.PersonId(), "reflections.extended", item.Id.ToString(), $"due {newDue:O}");
        await db.SaveChangesAsync();
        TempData["Flash"] = t["ExtensionGiven"].Value;
        return Redirect($"/schedule/{cohortId}");
    }

    private async Task<IActionResult?> CheckAsync(Guid cohortId)
    {
        var open = await cohorts.OpenCohortsAsync();
        var cohort = open.FirstOrDefault(c => c.Id == cohortId);
        if (cohort is null)
        {
            return NotFound();
        }

        var me = User.RequiredPersonId();
        return cohort.Trainers.Contains(me) || permissions.Has(User, ReflectionPermissions.ScheduleAll) ? null : Forbid();
    }

    private async Task<ScheduleViewModel> ModelAsync(Guid cohortId)
    {
        var cohort = (await cohorts.OpenCohortsAsync()).First(c => c.Id == cohortId);
        var rows = await db.Set<ScheduledAssignment>().Where(s => s.CohortId == cohortId).OrderBy(s => s.ReleaseUtc).ThenBy(s => s.LessonKey).ToListAsync();
        var schedule = new List<ScheduleRow>();
        var titles = new Dictionary<string, string>();
        foreach (var s in rows)
        {
            var title = (await outline.AssignmentTextAsync(s.LessonKey, Language))?.Title ?? s.LessonKey;
            titles[s.LessonKey] = title;
            schedule.Add(new ScheduleRow(s.Id, title, s.ModuleNumber, s.Kind, s.ReleaseUtc, s.DueUtc, s.ReleasedUtc is not null, s.DatesMoved));
        }

        var now = time.UtcNow;
        var work = await (from w in db.Set<AssignmentWork>()
                          join u in db.Users on w.UserId equals u.Id
                          where w.CohortId == cohortId && w.Active && w.Status != WorkStatus.Accepted
                          orderby w.DueUtc, u.DisplayName
                          select new { w.Id, u.DisplayName, w.LessonKey, w.DueUtc, w.HasExtension, w.Status }).Take(300).ToListAsync();
        return new ScheduleViewModel(cohortId, cohort.Name, schedule,
            work.Select(w => new ExtensionRow(w.Id, w.DisplayName, titles.GetValueOrDefault(w.LessonKey) ?? w.LessonKey, w.DueUtc, w.HasExtension, ScheduleRules.StatusWord(w.Status, w.DueUtc, now))).ToList());
    }
}
