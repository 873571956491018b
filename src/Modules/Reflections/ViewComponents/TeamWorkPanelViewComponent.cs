using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>
/// Start page, for leaders: the latest hand-ins and decisions of the people in the teams they lead, and who has
/// work overdue. Status and dates only.
/// </summary>
public sealed class TeamWorkPanelViewComponent(StartPanelQueries panels) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        HttpContext.User.IsInRole(Roles.Leader) ? View(await panels.TeamWorkAsync(HttpContext.User.RequiredPersonId())) : Content("");
}
