using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Services;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeAgentAcademy.Curriculum.ViewComponents;

/// <summary>Start page: where a trainee left off and how far they are.</summary>
public sealed class LearnPanelViewComponent(CurriculumCatalog catalog, AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        if (!user.IsInRole(Roles.Trainee) && !user.IsInRole(Roles.Leader))
        {
            return Content("");
        }

        var me = user.RequiredPersonId();
        var snapshot = await catalog.GetAsync();
        var placement = HttpContext.RequestServices.GetService<ICohortDirectory>() is { } directory ? await directory.FindPlacementAsync(me) : null;
        var track = Controllers.LearnController.TrackFor(placement, user);
        var lessons = snapshot.ForTrack(track).SelectMany(m => m.Lessons).ToList();
        var done = (await db.Set<LessonCompletion>().Where(c => c.UserId == me).Select(c => c.LessonKey).ToListAsync()).ToHashSet();
        var next = lessons.FirstOrDefault(l => !done.Contains(l.Key));
        var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return View(new LearnPanelModel(
            lessons.Count(l => done.Contains(l.Key)),
            lessons.Count,
            next is null ? null : new ViewModels.ResumeLink(next.ModuleId, next.Slug, snapshot.LessonText(next.Key, language)?.Value.Title ?? next.Slug)));
    }
}
