using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.People.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.People.Controllers;

[RequirePermission(PeoplePermissions.Manage)]
[Route("admin/teams")]
public sealed class TeamsController(AppDbContext db, TimeProvider clock, IStringLocalizer<PeopleText> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var teams = await db.Teams.AsNoTracking()
            .OrderBy(x => x.Name)
            .Select(x => new TeamRow(
                x.Id,
                x.Name,
                db.Users.Where(u => u.Id == x.LeaderId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Count(u => u.TeamId == x.Id)))
            .ToListAsync();
        return View(teams);
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create() => View("Edit", await WithLeaders(new TeamFormViewModel()));

    [HttpPost("new")]
    public async Task<IActionResult> Create(TeamFormViewModel model)
    {
        await Validate(model);
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithLeaders(model));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team { Id = Guid.NewGuid(), Name = model.Name!.Trim(), LeaderId = model.LeaderId, CreatedUtc = now };
        db.Teams.Add(team);
        db.AddAudit(now, User.PersonId(), "teams.created", team.Id.ToString(), team.Name);
        await db.SaveChangesAsync();
        TempData["Flash"] = t["TeamSaved", team.Name].Value;
        return Redirect("/admin/teams");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var team = await db.Teams.FindAsync(id);
        if (team is null)
        {
            return NotFound();
        }

        return View(await WithLeaders(new TeamFormViewModel { Id = team.Id, Name = team.Name, LeaderId = team.LeaderId }));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, TeamFormViewModel model)
    {
        var team = await db.Teams.FindAsync(id);
        if (team is null)
        {
            return NotFound();
        }

        model.Id = id;
        await Validate(model);
        if (!ModelState.IsValid)
        {
            return View(await WithLeaders(model));
        }

        team.Name = model.Name!.Trim();
        team.LeaderId = model.LeaderId;
        db.AddAudit(clock.GetUtcNow().UtcDateTime, User.PersonId(), "teams.updated", team.Id.ToString(), team.Name);
        await db.SaveChangesAsync();
        TempData["Flash"] = t["TeamSaved", team.Name].Value;
        return Redirect("/admin/teams");
    }

    private async Task Validate(TeamFormViewModel model)
    {
        if (!string.IsNullOrWhiteSpace(model.Name))
        {
            var name = model.Name.Trim();
            if (await db.Teams.AnyAsync(x => x.Name == name && x.Id != (model.Id ?? Guid.Empty)))
            {
                ModelState.AddModelError(nameof(model.Name), t["TeamNameTaken"]);
            }
        }

        if (model.LeaderId is { } leaderId && !await LeaderIds().AnyAsync(x => x == leaderId))
        {
            ModelState.AddModelError(nameof(model.LeaderId), t["LeaderMustHaveRole"]);
        }
    }

    private IQueryable<Guid> LeaderIds() =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.Leader
        select ur.UserId;

    private async Task<TeamFormViewModel> WithLeaders(TeamFormViewModel model)
    {
        var ids = LeaderIds();
        model.Leaders = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new TeamOption(u.Id, u.DisplayName)).ToListAsync();
        return model;
    }
}
