using System.Globalization;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Curriculum.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Curriculum.Controllers;

/// <summary>
/// The kit: facilitator guides, worksheets, glossary, competency map, readings, completion criteria.
/// Each reader sees the documents whose audience includes one of their roles; no query (the snapshot holds
/// the rendered texts, the generation comes from <see cref="GenerationWatch"/>).
/// </summary>
[RequirePermission(CurriculumPermissions.Read)]
[Route("learn/kit")]
public sealed class KitController(CurriculumCatalog catalog) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var snapshot = await catalog.GetForReadersAsync();
        var audiences = KitAccess.AudiencesOf(User);
        var groups = snapshot.Kit
            .Where(d => KitAccess.CanRead(d, audiences))
            .Select(d => (Item: d, Text: snapshot.KitText(d.Id, Language)))
            .Where(d => d.Text is not null)
            .GroupBy(d => d.Item.Kind)
            .Select(g => new KitGroupRow(g.Key, g.Select(d => new KitRow(d.Item.Id, d.Text!.Value.Title, d.Text.Value.Summary, d.Item.Audience, d.Text.IsFallback)).ToList()))
            .ToList();
        return View(new KitIndexViewModel(groups));
    }

    [HttpGet("{doc}")]
    public async Task<IActionResult> Document(string doc)
    {
        var snapshot = await catalog.GetForReadersAsync();
        var item = snapshot.Kit.FirstOrDefault(d => d.Id == doc);
        if (item is null || !KitAccess.CanRead(item, KitAccess.AudiencesOf(User)) || snapshot.KitText(item.Id, Language) is not { } text)
        {
            return NotFound();
        }

        return View(new KitDocumentViewModel(item.Id, item.Kind, item.Audience, text.Value.Title, text.Value.Summary, text.Value.Html, text.Value.TocHtml, text.IsFallback, text.Value.Language));
    }
}
