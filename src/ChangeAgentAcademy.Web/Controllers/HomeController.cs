using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Web.Controllers;

public sealed class HomeController(AppDbContext db, IEnumerable<DashboardPanel> panels, IPermissionService permissions) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index()
    {
        var id = User.RequiredPersonId();
        var me = await db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new { u.DisplayName, Team = db.Teams.Where(t => t.Id == u.TeamId).Select(t => t.Name).FirstOrDefault() })
            .FirstAsync();
        var model = new HomeViewModel(
            me.DisplayName,
            me.Team,
            Roles.All.Where(User.IsInRole).ToList(),
            panels.Where(p => p.Permission is null || permissions.Has(User, p.Permission)).OrderBy(p => p.Order).ToList());
        return View(model);
    }
}
