using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Curriculum.Controllers;

/// <summary>Reading the programme: the track's modules, a module, a lesson; and marking a lesson done.</summary>
[RequirePermission(CurriculumPermissions.Read)]
[Route("learn")]
public sealed class LearnController(LearnPages pages, CompletionService completions) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await pages.ProgrammeAsync(User));

    [HttpGet("{module}")]
    public async Task<IActionResult> Module(string module) =>
        await pages.ModuleAsync(User, module) is { } model ? View(model) : NotFound();

    [HttpGet("{module}/{lesson}")]
    public async Task<IActionResult> Lesson(string module, string lesson) =>
        await pages.LessonAsync(User, module, lesson) is { } model ? View(model) : NotFound();

    /// <summary>Marks a lesson done (or, with done=false, not done). Idempotent: a double click stores one row.</summary>
    [HttpPost("{module}/{lesson}/done")]
    public async Task<IActionResult> MarkDone(string module, string lesson, bool done = true)
    {
        var result = await completions.MarkAsync(User.RequiredPersonId(), module, lesson, done);
        return result.Status is ResultStatus.NotFound ? NotFound() : RedirectToAction(nameof(Lesson), null, new { module, lesson }, "progress");
    }
}
