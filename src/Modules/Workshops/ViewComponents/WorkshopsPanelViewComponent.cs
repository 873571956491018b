using ChangeAgentAcademy.Workshops.Services;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Workshops.ViewComponents;

/// <summary>
/// Start page: the next workshops the person has a place in or facilitates, and for those who answer on-site
/// requests, how many wait (<see cref="WorkshopPages.PanelAsync"/>).
/// </summary>
public sealed class WorkshopsPanelViewComponent(WorkshopPages pages) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        await pages.PanelAsync(HttpContext.User) is { } model ? View(model) : Content("");
}
