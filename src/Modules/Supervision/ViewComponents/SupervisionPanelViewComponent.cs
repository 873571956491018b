using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Services;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Supervision.ViewComponents;

/// <summary>Start page: the next planned sessions of the groups the person belongs to or supervises, and whether they present (<see cref="SupervisionPanelQueries.PanelAsync"/>).</summary>
public sealed class SupervisionPanelViewComponent(SupervisionPanelQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await queries.PanelAsync(HttpContext.User.RequiredPersonId()));
}
