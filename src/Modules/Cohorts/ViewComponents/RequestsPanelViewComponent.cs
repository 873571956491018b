using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Cohorts.ViewComponents;

/// <summary>Start page, for leaders: enrolment requests from the people in their teams, oldest first. One query.</summary>
public sealed class RequestsPanelViewComponent(CohortPages pages) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await pages.RequestsPanelAsync(HttpContext.User.RequiredPersonId()));
}
