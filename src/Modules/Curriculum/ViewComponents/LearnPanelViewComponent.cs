using ChangeAgentAcademy.Curriculum.Services;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Curriculum.ViewComponents;

/// <summary>Start page: where a trainee left off and how far they are.</summary>
public sealed class LearnPanelViewComponent(LearnPages pages) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        await pages.PanelAsync(HttpContext.User) is { } model ? View(model) : Content("");
}
