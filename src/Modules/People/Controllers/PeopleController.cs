using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Hosting;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.People.ViewModels;
using ChangeAgentAcademy.Resources;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.People.Controllers;

[RequirePermission(PeoplePermissions.Manage)]
[Route("admin/people")]
public sealed class PeopleController(
    AppDbContext db,
    UserManager<AppUser> users,
    IEmailOutbox outbox,
    IJobTrigger jobs,
    TimeProvider clock,
    ISiteAddress site,
    ISessionRevoker sessions,
    INotifier notifier,
    IStringLocalizer<PeopleText> t,
    IStringLocalizer<SharedText> shared) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }

        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var now = clock.GetUtcNow();
        var rows = await query
            .OrderBy(u => u.DisplayName)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                Team = db.Teams.Where(x => x.Id == u.TeamId).Select(x => x.Name).FirstOrDefault(),
                u.LockoutEnd,
            })
            .ToListAsync();
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        var people = rows.Select(r => new PersonRow(
                r.Id, r.DisplayName, r.Email ?? "", r.Team,
                roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).OrderBy(n => n).ToList(),
                r.LockoutEnd > now))
            .ToList();
        return View(new PeopleListViewModel(q, page, pageCount, total, people));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create() => View("Edit", await WithOptions(new PersonFormViewModel { Roles = [Roles.Trainee] }));

    [HttpPost("new")]
    public async Task<IActionResult> Create(PersonFormViewModel model)
    {
        await Validate(model, existing: null);
        if (!ModelState.IsValid)
        {
            return View("Edit", await WithOptions(model));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new AppUser
        {
            Id = Guid.NewGuid(),
            UserName = model.Email!.Trim(),
            Email = model.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = model.DisplayName!.Trim(),
            Language = model.Language!,
            TeamId = model.TeamId,
            CreatedUtc = now,
        };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View("Edit", await WithOptions(model));
        }

        await users.AddToRolesAsync(user, model.Roles.Distinct());
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = site.Absolute(Url.Action("Reset", "Account", new { email = user.Email, token })!);
        using (new CultureScope(user.Language))
        {
            await outbox.QueueAsync(new OutboundEmail(user.Email, t["WelcomeMailSubject"], t["WelcomeMailBody", user.DisplayName, link]));
        }

        db.AddAudit(now, User.PersonId(), "people.created", user.Id.ToString(), string.Join(",", model.Roles));
        await RecordGrantsAsync(user, model.Roles, now);
        await db.SaveChangesAsync();
        jobs.Trigger(JobIds.NotificationsOutbox);
        TempData["Flash"] = t["PersonCreated", user.DisplayName].Value;
        return Redirect("/admin/people");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var model = new PersonFormViewModel
        {
            Id = user.Id,
            DisplayName = user.DisplayName,
            Email = user.Email,
            Language = user.Language,
            TeamId = user.TeamId,
            Roles = [.. await users.GetRolesAsync(user)],
            Locked = user.LockoutEnd > clock.GetUtcNow(),
        };
        return View(await WithOptions(model));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, PersonFormViewModel model)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        model.Id = id;
        await Validate(model, user);
        if (!ModelState.IsValid)
        {
            return View(await WithOptions(model));
        }

        user.DisplayName = model.DisplayName!.Trim();
        user.Email = model.Email!.Trim();
        user.UserName = user.Email;
        user.Language = model.Language!;
        user.TeamId = model.TeamId;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View(await WithOptions(model));
        }

        var current = await users.GetRolesAsync(user);
        var rolesChanged = !current.ToHashSet().SetEquals(model.Roles);
        await RecordGrantsAsync(user, model.Roles.Except(current).ToList(), clock.GetUtcNow().UtcDateTime);
        await users.RemoveFromRolesAsync(user, current.Except(model.Roles));
        await users.AddToRolesAsync(user, model.Roles.Except(current).Distinct());
        await users.SetLockoutEndDateAsync(user, model.Locked ? DateTimeOffset.MaxValue : null);
        if (model.Locked || rolesChanged)
        {
            // A lock or a new set of roles ends every open session of the person at once, on every node:
            // the next sign-in carries the new roles.
            await users.UpdateSecurityStampAsync(user);
            await sessions.RevokeAllAsync(user.Id);
        }

        db.AddAudit(clock.GetUtcNow().UtcDateTime, User.PersonId(), "people.updated", user.Id.ToString(), string.Join(",", model.Roles) + (model.Locked ? ",locked" : ""));
        await db.SaveChangesAsync();
        TempData["Flash"] = t["PersonSaved", user.DisplayName].Value;
        return Redirect("/admin/people");
    }

    private async Task Validate(PersonFormViewModel model, AppUser? existing)
    {
        model.Roles = model.Roles.Where(r => !string.IsNullOrEmpty(r)).Distinct().ToList();
        if (model.Roles.Any(r => !Roles.All.Contains(r)))
        {
            ModelState.AddModelError(nameof(model.Roles), t["UnknownRole"]);
        }

        if (model.Roles.Count == 0)
        {
            ModelState.AddModelError(nameof(model.Roles), t["RoleRequired"]);
        }

        if (!ProgrammeOptions.IsSupported(model.Language))
        {
            ModelState.AddModelError(nameof(model.Language), shared["ValueInvalid", model.Language ?? ""]);
        }

        if (model.TeamId is { } teamId && !await db.Teams.AnyAsync(x => x.Id == teamId))
        {
            ModelState.AddModelError(nameof(model.TeamId), t["UnknownTeam"]);
        }

        if (!string.IsNullOrWhiteSpace(model.Email))
        {
            var normalized = model.Email.Trim().ToUpperInvariant();
            if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized && u.Id != (existing == null ? Guid.Empty : existing.Id)))
            {
                ModelState.AddModelError(nameof(model.Email), shared["Identity.DuplicateEmail", model.Email]);
            }
        }

        if (existing is not null && existing.Id == User.PersonId())
        {
            // Separation of duties (AccessGrants): nobody gives themself a role.
            if (model.Roles.Except(await users.GetRolesAsync(existing)).Any())
            {
                ModelState.AddModelError(nameof(model.Roles), shared["CannotGrantYourself"]);
            }

            if (!model.Roles.Contains(Roles.Administrator))
            {
                ModelState.AddModelError(nameof(model.Roles), t["CannotDropOwnAdmin"]);
            }

            if (model.Locked)
            {
                ModelState.AddModelError(nameof(model.Locked), t["CannotLockSelf"]);
            }
        }
    }

    private Task RecordGrantsAsync(AppUser user, IReadOnlyCollection<string> added, DateTime now) =>
        AccessGrants.RolesGrantedAsync(db, notifier, shared, added.Select(r => (user.Id, r)), User.RequiredPersonId(), now);

    private async Task<PersonFormViewModel> WithOptions(PersonFormViewModel model)
    {
        model.Teams = await db.Teams.AsNoTracking().OrderBy(x => x.Name).Select(x => new TeamOption(x.Id, x.Name)).ToListAsync();
        return model;
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(string.Empty, error.Description);
        }
    }
}
