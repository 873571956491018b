using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Resources;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Curriculum.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Curriculum.Controllers;

/// <summary>Authoring in the browser: edit per language with preview, drafts, publish, history, diff, restore, import.</summary>
[RequirePermission(CurriculumPermissions.Edit)]
[Route("curriculum/admin")]
public sealed class CurriculumAdminController(
    AppDbContext db,
    CurriculumCatalog catalog,
    ContentImporter importer,
    LessonEditor editor,
    MarkdownRenderer renderer,
    ImportReportHolder reports,
    IConfiguration configuration,
    IWebHostEnvironment environment,
    IStringLocalizer<CurriculumText> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var snapshot = await catalog.GetAsync();
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var states = await db.Set<LessonLanguageState>().AsNoTracking().ToListAsync();
        var drafts = await db.Set<LessonVersion>().Where(v => v.Status == VersionStatus.Draft)
            .GroupBy(v => new { v.LessonKey, v.Language }).Select(g => new { g.Key.LessonKey, g.Key.Language, Number = g.Max(v => v.Number) }).ToListAsync();
        var numbers = await (from s in db.Set<LessonLanguageState>() join v in db.Set<LessonVersion>() on s.PublishedVersionId equals v.Id select new { v.LessonKey, v.Language, v.Number }).ToListAsync();
        var conflicts = await db.Set<ImportConflict>().AsNoTracking().Where(c => c.Resolution == null).OrderBy(c => c.DetectedUtc)
            .Select(c => new ConflictRow(c.Id, c.LessonKey, c.Language, c.File, c.IncomingTitle, c.DetectedUtc)).ToListAsync();

        var modules = snapshot.Modules.Select(m => (
            snapshot.ModuleText(m.Id, language)?.Value.Title ?? m.Id,
            (IReadOnlyList<AuthoringRow>)m.Items.Select(i => new AuthoringRow(
                m.Id, i.Slug, i.Kind, snapshot.LessonText(i.Key, language)?.Value.Title ?? i.Slug,
                ProgrammeOptions.Languages.Select(l =>
                {
                    var published = numbers.FirstOrDefault(n => n.LessonKey == i.Key && n.Language == l)?.Number;
                    var draft = drafts.FirstOrDefault(d => d.LessonKey == i.Key && d.Language == l)?.Number;
                    return new LanguageStatus(l, published, draft > (published ?? 0), conflicts.Any(c => c.LessonKey == i.Key && c.Language == l));
                }).ToList())).ToList())).ToList();
        return View(new AuthoringIndexViewModel(modules, conflicts, reports.Last));
    }

    [HttpPost("import")]
    public async Task<IActionResult> Import()
    {
        var fallback = Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "content"));
        var report = await importer.ImportAsync(CurriculumImportStep.ContentPath(configuration, fallback), User.PersonId());
        TempData["Flash"] = t["ImportDone", report.Created, report.Unchanged, report.Conflicts, report.Issues.Count].Value;
        return Redirect("/curriculum/admin");
    }

    [HttpGet("edit/{module}/{lesson}/{language}")]
    public async Task<IActionResult> Edit(string module, string lesson, string language)
    {
        var key = $"{module}/{lesson}";
        var item = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync(l => l.Key == key);
        if (item is null || !ProgrammeOptions.IsSupported(language))
        {
            return NotFound();
        }

        var state = await db.Set<LessonLanguageState>().AsNoTracking().FirstOrDefaultAsync(s => s.LessonKey == key && s.Language == language);
        var latest = await db.Set<LessonVersion>().AsNoTracking().Where(v => v.LessonKey == key && v.Language == language && v.Status != VersionStatus.Superseded)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync();
        var model = new EditLessonViewModel
        {
            ModuleId = module,
            Slug = lesson,
            Language = language,
            Kind = item.Kind,
            Title = latest?.Title,
            ReadingMinutes = latest?.ReadingMinutes ?? 5,
            Prompt = latest?.Prompt,
            Markdown = latest?.Markdown,
            Revision = state?.Revision ?? 0,
            BasedOnNumber = latest?.Number,
            BasedOnDraft = latest?.Status == VersionStatus.Draft,
            PreviewHtml = latest?.Html,
        };
        return View(model);
    }

    [HttpPost("edit/{module}/{lesson}/{language}")]
    public async Task<IActionResult> Edit(string module, string lesson, string language, EditLessonViewModel model, string? intent)
    {
        var key = $"{module}/{lesson}";
        var item = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync(l => l.Key == key);
        if (item is null || !ProgrammeOptions.IsSupported(language))
        {
            return NotFound();
        }

        model.ModuleId = module;
        model.Slug = lesson;
        model.Language = language;
        model.Kind = item.Kind;
        if (item.Kind != LessonKind.Lesson && string.IsNullOrWhiteSpace(model.Prompt))
        {
            ModelState.AddModelError(nameof(model.Prompt), t["PromptRequired"]);
        }

        model.PreviewHtml = renderer.Render(model.Markdown ?? "").Html;
        if (intent is not ("draft" or "publish") || !ModelState.IsValid)
        {
            // Preview, or something to correct: the text comes back exactly as typed.
            return View(model);
        }

        var (outcome, version) = await editor.SaveAsync(key, language, new LessonEdit(model.Title!, model.ReadingMinutes, model.Prompt, model.Markdown!, model.Revision), intent == "publish", User.RequiredPersonId());
        if (outcome == SaveOutcome.Conflict)
        {
            ModelState.AddModelError(string.Empty, t["EditConflict"]);
            var state = await db.Set<LessonLanguageState>().AsNoTracking().FirstAsync(s => s.LessonKey == key && s.Language == language);
            model.CurrentPublishedMarkdown = await db.Set<LessonVersion>().Where(v => v.Id == state.PublishedVersionId).Select(v => v.Markdown).FirstOrDefaultAsync();
            ModelState.Remove(nameof(model.Revision));
            model.Revision = state.Revision;
            return View(model);
        }

        TempData["Flash"] = (intent == "publish" ? t["Published", version!.Number] : t["DraftSaved", version!.Number]).Value;
        return Redirect($"/curriculum/admin/edit/{module}/{lesson}/{language}");
    }

    /// <summary>Live preview for the editor: sanitized HTML of the posted Markdown. Nothing is saved.</summary>
    [HttpPost("preview")]
    public IActionResult Preview([FromForm] string? markdown) =>
        Content(renderer.Render(markdown ?? "").Html, "text/html; charset=utf-8");

    [HttpGet("history/{module}/{lesson}/{language}")]
    public async Task<IActionResult> History(string module, string lesson, string language)
    {
        var key = $"{module}/{lesson}";
        var versions = await VersionsAsync(key, language);
        if (versions.Count == 0)
        {
            return NotFound();
        }

        return View(new HistoryViewModel(module, lesson, language, versions[0].Title, versions));
    }

    [HttpGet("diff/{module}/{lesson}/{language}")]
    public async Task<IActionResult> Diff(string module, string lesson, string language, long from, long to)
    {
        var key = $"{module}/{lesson}";
        var texts = await db.Set<LessonVersion>().AsNoTracking().Where(v => v.LessonKey == key && v.Language == language && (v.Id == from || v.Id == to))
            .Select(v => new { v.Id, v.Markdown, v.Title, v.Prompt }).ToListAsync();
        var a = texts.FirstOrDefault(x => x.Id == from);
        var b = texts.FirstOrDefault(x => x.Id == to);
        if (a is null || b is null)
        {
            return NotFound();
        }

        var versions = await VersionsAsync(key, language);
        static string Whole(string title, string? prompt, string markdown) => $"# {title}\n\n{(prompt is null ? "" : prompt + "\n\n")}{markdown}";
        return View(new DiffViewModel(module, lesson, language, versions.First(v => v.Id == from), versions.First(v => v.Id == to),
            LineDiff.Compare(Whole(a.Title, a.Prompt, a.Markdown), Whole(b.Title, b.Prompt, b.Markdown))));
    }

    [HttpPost("restore/{module}/{lesson}/{language}/{id:long}")]
    public async Task<IActionResult> Restore(string module, string lesson, string language, long id)
    {
        var copy = await editor.RestoreAsync($"{module}/{lesson}", language, id, User.RequiredPersonId());
        if (copy is null)
        {
            return NotFound();
        }

        TempData["Flash"] = t["Restored", copy.Number].Value;
        return Redirect($"/curriculum/admin/history/{module}/{lesson}/{language}");
    }

    [HttpPost("conflicts/{id:long}/{choice}")]
    public async Task<IActionResult> Resolve(long id, string choice)
    {
        if (choice is not ("keep" or "take"))
        {
            return NotFound();
        }

        if (!await editor.ResolveConflictAsync(id, choice == "take", User.RequiredPersonId()))
        {
            return NotFound();
        }

        TempData["Flash"] = t[choice == "take" ? "ConflictTookFile" : "ConflictKept"].Value;
        return Redirect("/curriculum/admin");
    }

    private async Task<List<VersionRow>> VersionsAsync(string key, string language) =>
        await db.Set<LessonVersion>().AsNoTracking()
            .Where(v => v.LessonKey == key && v.Language == language)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Id, v.Number, v.Status, v.Source, v.Title, v.CreatedUtc,
                db.Users.Where(u => u.Id == v.CreatedBy).Select(u => u.DisplayName).FirstOrDefault(),
                v.PublishedUtc,
                db.Users.Where(u => u.Id == v.PublishedBy).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync();
}
