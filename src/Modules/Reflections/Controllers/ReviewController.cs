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

/// <summary>Trainers review submissions in the cohorts they run; a submission elsewhere answers 403.</summary>
[RequirePermission(ReflectionPermissions.Review)]
[Route("review")]
public sealed class ReviewController(AppDbContext db, ReviewService reviews, IProgrammeOutline outline, ICohortDirectory cohorts, ProgrammeTime time, IStringLocalizer<ReflectionsText> t) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private static readonly string[] Statuses = ["waiting", "revision", "accepted", "all"];

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid? cohort, string? module, string? status)
    {
        status = Statuses.Contains(status) ? status! : "waiting";
        var mine = await cohorts.CohortsRunByAsync(User.RequiredPersonId());
        var open = (await cohorts.OpenCohortsAsync()).Where(c => mine.Contains(c.Id)).ToList();
        var query = from w in db.Set<AssignmentWork>()
                    join u in db.Users on w.UserId equals u.Id
                    where mine.Contains(w.CohortId) && w.Active && w.Versions > 0
                    select new { w, u.DisplayName };
        if (cohort is { } c && mine.Contains(c))
        {
            query = query.Where(x => x.w.CohortId == c);
        }

        if (!string.IsNullOrEmpty(module))
        {
            query = query.Where(x => x.w.LessonKey.StartsWith(module + "/"));
        }

        query = status switch
        {
            "waiting" => query.Where(x => x.w.Status == WorkStatus.Submitted),
            "revision" => query.Where(x => x.w.Status == WorkStatus.RevisionRequested),
            "accepted" => query.Where(x => x.w.Status == WorkStatus.Accepted),
            _ => query,
        };
        var rows = await query.OrderBy(x => x.w.LastSubmittedUtc).Take(500)
            .Select(x => new { x.w.Id, x.DisplayName, x.w.CohortId, x.w.LessonKey, x.w.Versions, x.w.LastSubmittedUtc, Late = x.w.LastSubmittedUtc > x.w.DueUtc, x.w.Status }).ToListAsync();
        var names = open.ToDictionary(o => o.Id, o => o.Name);
        var list = new List<QueueRow>();
        foreach (var r in rows)
        {
            var text = await outline.AssignmentTextAsync(r.LessonKey, Language);
            list.Add(new QueueRow(r.Id, r.DisplayName, names.GetValueOrDefault(r.CohortId) ?? "", text?.Title ?? r.LessonKey, r.LessonKey.Split('/')[0], r.Versions, r.LastSubmittedUtc ?? default, r.Late, r.Status));
        }

        // Per trainer of these cohorts: what waits in the cohorts they run, and what they reviewed lately.
        var trainerIds = open.SelectMany(o => o.Trainers).Distinct().ToList();
        var waiting = await db.Set<AssignmentWork>().Where(w => mine.Contains(w.CohortId) && w.Active && w.Status == WorkStatus.Submitted)
            .GroupBy(w => w.CohortId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var since = time.UtcNow.AddDays(-30);
        var reviewed = await db.Set<Review>().Where(r => trainerIds.Contains(r.TrainerId) && r.CreatedUtc >= since)
            .GroupBy(r => r.TrainerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var trainerNames = await db.Users.Where(u => trainerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName);
        var counts = trainerIds
            .Select(id => new TrainerCount(trainerNames.GetValueOrDefault(id) ?? "", open.Where(o => o.Trainers.Contains(id)).Sum(o => waiting.GetValueOrDefault(o.Id)), reviewed.GetValueOrDefault(id)))
            .OrderBy(x => x.Trainer, StringComparer.CurrentCulture).ToList();
        var modules = open.Count == 0 ? [] : (await outline.ModulesAsync(open[0].Track, Language)).Select(m => new FilterOption(m.Id, m.Title)).ToList();
        return View(new QueueViewModel(list, counts, open.Select(o => new FilterOption(o.Id.ToString(), o.Name)).ToList(), modules, cohort?.ToString(), module, status));
    }

    [HttpGet("{id:long}")]
    public async Task<IActionResult> Show(long id)
    {
        var (item, refusal) = await FindAsync(id);
        return refusal ?? View(await PageAsync(item!, ""));
    }

    [HttpPost("{id:long}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Decide(long id, [FromForm] int version, [FromForm] string? decision, [FromForm] string? feedback)
    {
        var (item, refusal) = await FindAsync(id);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!Enum.TryParse<ReviewDecision>(decision, out var choice))
        {
            ModelState.AddModelError("decision", t["ChooseDecision"].Value);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("Show", await PageAsync(item!, feedback ?? "", version));
        }

        var outcome = await reviews.ReviewAsync(item!, version, choice, feedback, User.RequiredPersonId());
        if (outcome == ReviewOutcome.Saved)
        {
            TempData["Flash"] = choice == ReviewDecision.Accepted ? t["ReviewAccepted"].Value : t["ReviewRevision"].Value;
            return Redirect("/review");
        }

        ModelState.AddModelError(outcome is ReviewOutcome.ReasonMissing or ReviewOutcome.FeedbackTooLong ? "feedback" : "", outcome switch
        {
            ReviewOutcome.Stale => t["ReviewStale"].Value,
            ReviewOutcome.NotWaiting => t["ReviewNotWaiting"].Value,
            ReviewOutcome.ReasonMissing => t["ReasonMissing"].Value,
            _ => t["FeedbackTooLong", ReviewService.MaxFeedback.ToString("N0", CultureInfo.CurrentCulture)].Value,
        });
        Response.StatusCode = outcome is ReviewOutcome.Stale or ReviewOutcome.NotWaiting ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        var fresh = await db.Set<AssignmentWork>().AsNoTracking().FirstAsync(w => w.Id == id);
        return View("Show", await PageAsync(fresh, feedback ?? "", version));
    }

    /// <summary>404 when the work does not exist; 403 when it is in a cohort the trainer does not run.</summary>
    private async Task<(AssignmentWork? Item, IActionResult? Refusal)> FindAsync(long id)
    {
        var item = await db.Set<AssignmentWork>().FirstOrDefaultAsync(w => w.Id == id && w.Versions > 0);
        if (item is null)
        {
            return (null, NotFound());
        }

        var mine = await cohorts.CohortsRunByAsync(User.RequiredPersonId());
        return mine.Contains(item.CohortId) ? (item, null) : (null, Forbid());
    }

    private async Task<ReviewPageViewModel> PageAsync(AssignmentWork item, string feedback, int? postedVersion = null)
    {
        var trainee = await db.Users.Where(u => u.Id == item.UserId).Select(u => u.DisplayName).FirstAsync();
        var cohort = (await cohorts.OpenCohortsAsync()).FirstOrDefault(c => c.Id == item.CohortId)?.Name ?? "";
        var assignment = await outline.AssignmentTextAsync(item.LessonKey, Language);
        var versions = await WorkHistory.VersionsAsync(db, item.Id);
        var feedbackRows = await WorkHistory.FeedbackAsync(db, item.Id);
        return new ReviewPageViewModel
        {
            WorkId = item.Id,
            LessonKey = item.LessonKey,
            Trainee = trainee,
            Cohort = cohort,
            Title = assignment?.Title ?? item.LessonKey,
            Prompt = assignment?.Prompt,
            Status = item.Status,
            DueUtc = item.DueUtc,
            Versions = versions,
            Feedback = feedbackRows,
            Diff = versions.Count > 1 ? LineDiff.Compare(versions[1].Text, versions[0].Text) : null,
            // The form carries the version the trainer read; a stale post shows the newest with the message.
            Version = item.Versions,
            FeedbackText = feedback,
            CanReview = item.Status == WorkStatus.Submitted,
        };
    }
}
