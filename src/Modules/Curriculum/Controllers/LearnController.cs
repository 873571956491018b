using System.Globalization;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Curriculum.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Curriculum.Controllers;

/// <summary>
/// Reading the programme. A lesson page costs two queries: the content generation (everything else
/// comes from the per-generation snapshot) and the reader's completions in that module.
/// </summary>
[RequirePermission(CurriculumPermissions.Read)]
[Route("learn")]
public sealed class LearnController(CurriculumCatalog catalog, AppDbContext db, TimeProvider clock) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var snapshot = await catalog.GetAsync();
        var me = User.RequiredPersonId();
        var placement = HttpContext.RequestServices.GetService<ICohortDirectory>() is { } directory ? await directory.FindPlacementAsync(me) : null;
        var modules = snapshot.ForTrack(TrackFor(placement, User)).ToList();
        var done = (await db.Set<LessonCompletion>().Where(c => c.UserId == me).Select(c => c.LessonKey).ToListAsync()).ToHashSet();

        var progress = modules.Select(m => Progress(snapshot, m, done)).ToList();
        var next = modules.SelectMany(m => m.Lessons).FirstOrDefault(l => !done.Contains(l.Key));
        var resume = next is null ? null : new ResumeLink(next.ModuleId, next.Slug, snapshot.LessonText(next.Key, Language)?.Value.Title ?? next.Slug);
        var track = TrackFor(placement, User);
        var audiences = KitAccess.AudiencesOf(User);
        var completion = snapshot.Kit
            .Where(d => d.Kind == "completion" && (track is null || d.Track == track) && KitAccess.CanRead(d, audiences))
            .Select(d => (d, Text: snapshot.KitText(d.Id, Language)))
            .Where(x => x.Text is not null)
            .Select(x => new CompletionCriteria(x.d.Track ?? "", x.Text!.Value.Title, x.Text.Value.Html, x.Text.Value.Language))
            .ToList();
        return View(new ProgrammeViewModel(progress, resume, placement?.CohortName, next is null && modules.Count > 0, completion));
    }

    [HttpGet("{module}")]
    public async Task<IActionResult> Module(string module)
    {
        var snapshot = await catalog.GetAsync();
        if (snapshot.Module(module) is not { } item)
        {
            return NotFound();
        }

        var done = await CompletedInAsync(item);
        var rows = item.Items.Select(i => Row(snapshot, i, done)).Where(r => r is not null).Select(r => r!).ToList();
        var moduleText = snapshot.ModuleText(item.Id, Language)?.Value;
        var intro = moduleText?.IntroHtml ?? "";
        var work = HttpContext.RequestServices.GetService<IAssignmentProgress>() is { } assignments
            ? (await assignments.ForModuleAsync(User.RequiredPersonId(), item.Id)).ToDictionary(a => a.LessonKey[(a.LessonKey.IndexOf('/') + 1)..])
            : null;
        return View(new ModulePageViewModel(Progress(snapshot, item, done), intro, rows, work, moduleText?.ObjectivesHtml));
    }

    [HttpGet("{module}/{lesson}")]
    public async Task<IActionResult> Lesson(string module, string lesson)
    {
        var snapshot = await catalog.GetAsync();
        var item = snapshot.Module(module);
        var index = item?.Items.ToList().FindIndex(i => i.Slug == lesson) ?? -1;
        if (item is null || index < 0 || snapshot.LessonText(item.Items[index].Key, Language) is not { } text)
        {
            return NotFound();
        }

        var done = await CompletedInAsync(item);
        var current = item.Items[index];
        return View(new LessonPageViewModel(
            Progress(snapshot, item, done),
            current.Slug,
            current.Kind,
            text.Value.Title,
            text.Value.ReadingMinutes,
            text.Value.Html,
            text.Value.TocHtml,
            text.Value.Prompt,
            current.DueOffsetDays,
            text.IsFallback,
            text.Value.Language,
            done.Contains(current.Key),
            index > 0 ? Row(snapshot, item.Items[index - 1], done) : null,
            index < item.Items.Count - 1 ? Row(snapshot, item.Items[index + 1], done) : null,
            current.Key));
    }

    /// <summary>Marks a lesson done (or, with done=false, not done). Idempotent: a double click stores one row.</summary>
    [HttpPost("{module}/{lesson}/done")]
    public async Task<IActionResult> MarkDone(string module, string lesson, bool done = true)
    {
        var snapshot = await catalog.GetAsync();
        var item = snapshot.Module(module)?.Items.FirstOrDefault(i => i.Slug == lesson && i.Kind == LessonKind.Lesson);
        if (item is null)
        {
            return NotFound();
        }

        var me = User.RequiredPersonId();
        var existing = await db.Set<LessonCompletion>().FirstOrDefaultAsync(c => c.UserId == me && c.LessonKey == item.Key);
        if (done && existing is null)
        {
            db.Set<LessonCompletion>().Add(new LessonCompletion { UserId = me, LessonKey = item.Key, CompletedUtc = clock.GetUtcNow().UtcDateTime });
        }
        else if (!done && existing is not null)
        {
            db.Set<LessonCompletion>().Remove(existing);
        }

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException) when (done)
        {
            // The same person's second click won the race: the row exists, which is what was asked.
        }

        return Redirect($"/learn/{module}/{lesson}#progress");
    }

    private async Task<HashSet<string>> CompletedInAsync(ModuleItem module)
    {
        var me = User.RequiredPersonId();
        var prefix = module.Id + "/";
        return (await db.Set<LessonCompletion>().Where(c => c.UserId == me && c.LessonKey.StartsWith(prefix)).Select(c => c.LessonKey).ToListAsync()).ToHashSet();
    }

    /// <summary>The cohort's track; without a cohort: leaders the leader track, trainees the trainee track, others everything.</summary>
    internal static string? TrackFor(CohortPlacement? placement, System.Security.Claims.ClaimsPrincipal user) =>
        placement?.Track
        ?? (user.IsInRole(Roles.Trainee) ? "trainee" : user.IsInRole(Roles.Leader) ? "leader" : null);

    private static ModuleProgress Progress(CurriculumSnapshot snapshot, ModuleItem module, HashSet<string> done)
    {
        var text = snapshot.ModuleText(module.Id, Language);
        var lessons = module.Lessons.ToList();
        return new ModuleProgress(module.Id, text?.Value.Title ?? module.Id, text?.Value.Summary ?? "", lessons.Count(l => done.Contains(l.Key)), lessons.Count, text?.IsFallback ?? false);
    }

    private static ItemRow? Row(CurriculumSnapshot snapshot, LessonItem item, HashSet<string> done) =>
        snapshot.LessonText(item.Key, Language) is { } text
            ? new ItemRow(item.Slug, item.Kind, text.Value.Title, text.Value.ReadingMinutes, done.Contains(item.Key), text.IsFallback)
            : null;
}
