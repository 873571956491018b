using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Web.Services;
using ChangeAgentAcademy.Web.ViewModels;
using Microsoft.AspNetCore.Mvc;

namespace ChangeAgentAcademy.Web.Controllers;

public sealed class HomeController(AccountService account, IEnumerable<DashboardPanel> panels, IPermissionService permissions) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        var (name, team) = await account.WhoAsync(User.RequiredPersonId());
        var model = new HomeViewModel(
            name,
            team,
            Roles.All.Where(User.IsInRole).ToList(),
            panels.Where(p => p.Permission is null || permissions.Has(User, p.Permission)).OrderBy(p => p.Order).ToList());
        return View(model);
    }
}
