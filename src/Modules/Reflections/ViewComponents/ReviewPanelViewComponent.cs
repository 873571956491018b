using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>Start page: hand-ins waiting in the cohorts the trainer runs, oldest first, with how long they have waited.</summary>
public sealed class ReviewPanelViewComponent(StartPanelQueries panels) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await panels.WaitingReviewsAsync(HttpContext.User.RequiredPersonId()));
}
