using ChangeAgentAcademy.Reflections.Services;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>Start page: the person's own assignments due next (overdue first), the latest feedback, how much is handed in.</summary>
public sealed class MyWorkPanelViewComponent(StartPanelQueries panels) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        await panels.MyWorkAsync(HttpContext.User) is { } model ? View(model) : Content("");
}
