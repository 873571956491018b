using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Cohorts.ViewComponents;

/// <summary>The start page panel: a trainee's cohort, a trainer's cohorts, a leader's team size.</summary>
public sealed class CohortsPanelViewComponent(CohortPages pages, IPermissionService permissions) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = HttpContext.User;
        return View(await pages.PanelAsync(
            user.RequiredPersonId(),
            seesCohorts: permissions.Has(user, CohortPermissions.View),
            seesAll: permissions.Has(user, CohortPermissions.ViewAll),
            isLeader: permissions.Has(user, CohortPermissions.ViewTeam)));
    }
}
