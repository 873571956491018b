using System.Globalization;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Curriculum.ViewModels;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Curriculum.ViewComponents;

/// <summary>
/// An assignment's rubric (criteria × three levels). Invoked by name from other modules' pages too
/// (the writing page, the review page): <c>Component.InvokeAsync("Rubric", new { lessonKey })</c>.
/// Reviewers also see the feedback guidance. Renders nothing when the assignment has no rubric.
/// </summary>
public sealed class RubricViewComponent(CurriculumCatalog catalog) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string lessonKey)
    {
        var snapshot = await catalog.GetForReadersAsync();
        if (snapshot.Rubric(lessonKey, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) is not { } rubric)
        {
            return Content("");
        }

        return View(new RubricViewModel(rubric.Value, KitAccess.IsReviewer(HttpContext.User), rubric.IsFallback));
    }
}
