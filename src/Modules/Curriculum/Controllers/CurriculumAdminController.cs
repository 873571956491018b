using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Resources;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Curriculum.ViewModels;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Curriculum.Controllers;

/// <summary>Authoring in the browser: edit per language with preview, drafts, publish, history, diff, restore, import.</summary>
[RequirePermission(CurriculumPermissions.Edit)]
[Route("curriculum/admin")]
public sealed class CurriculumAdminController(
    AuthoringPages pages,
    ContentImporter importer,
    LessonEditor editor,
    RubricEditor rubrics,
    MarkdownRenderer renderer,
    IConfiguration configuration,
    IWebHostEnvironment environment,
    IStringLocalizer<CurriculumText> S) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.IndexAsync());

    [HttpPost("import")]
    public async Task<IActionResult> Import()
    {
        var fallback = Path.GetFullPath(Path.Combine(environment.ContentRootPath, "..", "..", "content"));
        var report = await importer.ImportAsync(CurriculumImportStep.ContentPath(configuration, fallback), User.PersonId());
        TempData.Success(S["ImportDone", report.Created, report.Unchanged, report.Conflicts, report.Issues.Count].Value);
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("edit/{module}/{lesson}/{language}")]
    public async Task<IActionResult> Edit(string module, string lesson, string language) =>
        await pages.EditorAsync(module, lesson, language) is { } model ? View(model) : NotFound();

    [HttpPost("edit/{module}/{lesson}/{language}")]
    public async Task<IActionResult> Edit(string module, string lesson, string language, EditLessonViewModel model, string? intent)
    {
        if (await pages.KindAsync(module, lesson, language) is not { } kind)
        {
            return NotFound();
        }

        model.ModuleId = module;
        model.Slug = lesson;
        model.Language = language;
        model.Kind = kind;
        if (kind != LessonKind.Lesson && string.IsNullOrWhiteSpace(model.Prompt))
        {
            ModelState.AddModelError(nameof(model.Prompt), S["PromptRequired"]);
        }

        model.PreviewHtml = renderer.Render(model.Markdown ?? "").Html;
        if (intent is not ("draft" or "publish") || !ModelState.IsValid)
        {
            // Preview, or something to correct: the text comes back exactly as typed.
            return View(model);
        }

        var result = await editor.SaveAsync($"{module}/{lesson}", language, new LessonEdit(model.Title!, model.ReadingMinutes, model.Prompt, model.Markdown!, model.Revision), intent == "publish", User.RequiredPersonId());
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Ok)
        {
            ModelState.AddModelError(string.Empty, result.Error!);
            (model.CurrentPublishedMarkdown, var revision) = await pages.CurrentAsync(module, lesson, language);
            ModelState.Remove(nameof(model.Revision));
            model.Revision = revision;
            return View(model);
        }

        TempData.Success((intent == "publish" ? S["Published", result.Value] : S["DraftSaved", result.Value]).Value);
        return RedirectToAction(nameof(Edit), new { module, lesson, language });
    }

    /// <summary>An assignment's rubric in one language: title, 2–8 criteria of three levels, the reviewers' guidance. A lesson without an assignment is a 404.</summary>
    [HttpGet("rubric/{module}/{lesson}/{language}")]
    public async Task<IActionResult> Rubric(string module, string lesson, string language) =>
        await pages.RubricEditorAsync(module, lesson, language) is { } model ? View(model) : NotFound();

    [HttpPost("rubric/{module}/{lesson}/{language}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Rubric(string module, string lesson, string language, EditRubricViewModel model)
    {
        model.ModuleId = module;
        model.Slug = lesson;
        model.Language = language;
        model.Criteria ??= [];
        var criteria = model.Criteria.Where(c => !c.IsEmpty)
            .Select(c => new RubricRow(c.Id?.Trim() ?? "", c.Name?.Trim() ?? "", [c.Level1?.Trim() ?? "", c.Level2?.Trim() ?? "", c.Level3?.Trim() ?? ""])).ToList();
        var result = await rubrics.SaveAsync($"{module}/{lesson}", language, model.Title, criteria, model.Guidance, User.RequiredPersonId());
        if (result.Status is ResultStatus.NotFound)
        {
            return NotFound();
        }

        if (!result.Ok)
        {
            // What the author typed comes back, with every problem listed.
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(string.Empty, error);
            }

            Response.StatusCode = result.HttpStatus;
            return View(await pages.RubricFormAsync(model));
        }

        TempData.Success(S["RubricSaved"].Value);
        return RedirectToAction(nameof(Rubric), new { module, lesson, language });
    }

    /// <summary>Live preview for the editor: sanitized HTML of the posted Markdown. Nothing is saved.</summary>
    [HttpPost("preview")]
    public IActionResult Preview([FromForm] string? markdown) =>
        Content(renderer.Render(markdown ?? "").Html, "text/html; charset=utf-8");

    [HttpGet("history/{module}/{lesson}/{language}")]
    public async Task<IActionResult> History(string module, string lesson, string language) =>
        await pages.HistoryAsync(module, lesson, language) is { } model ? View(model) : NotFound();

    [HttpGet("diff/{module}/{lesson}/{language}")]
    public async Task<IActionResult> Diff(string module, string lesson, string language, long from, long to) =>
        await pages.DiffAsync(module, lesson, language, from, to) is { } model ? View(model) : NotFound();

    [HttpPost("restore/{module}/{lesson}/{language}/{id:long}")]
    public async Task<IActionResult> Restore(string module, string lesson, string language, long id)
    {
        var result = await editor.RestoreAsync($"{module}/{lesson}", language, id, User.RequiredPersonId());
        if (!result.Ok)
        {
            return NotFound();
        }

        TempData.Success(S["Restored", result.Value].Value);
        return RedirectToAction(nameof(History), new { module, lesson, language });
    }

    [HttpPost("conflicts/{id:long}/{choice}")]
    public async Task<IActionResult> Resolve(long id, string choice)
    {
        if (choice is not ("keep" or "take"))
        {
            return NotFound();
        }

        if (!(await editor.ResolveConflictAsync(id, choice == "take", User.RequiredPersonId())).Ok)
        {
            return NotFound();
        }

        TempData.Success(S[choice == "take" ? "ConflictTookFile" : "ConflictKept"].Value);
        return RedirectToAction(nameof(Index));
    }
}
