using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.People.ViewModels;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.People.Services;

/// <summary>Reading for the people and teams pages: lists, and forms filled from what is stored.</summary>
public sealed class PeoplePages(DbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>One page of people by name, filtered by a part of their name or address. Three queries.</summary>
    public async Task<PeopleListViewModel> ListAsync(string? q, int page, CancellationToken ct = default)
    {
        var query = db.Set<AppUser>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }

        var total = await query.CountAsync(ct);
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
                Team = db.Set<Team>().Where(x => x.Id == u.TeamId).Select(x => x.Name).FirstOrDefault(),
                u.LockoutEnd,
            })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.Set<IdentityUserRole<Guid>>()
                           join r in db.Set<AppRole>() on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var people = rows.Select(r => new PersonRow(
                r.Id, r.DisplayName, r.Email ?? "", r.Team,
                roles.Where(x => x.UserId == r.Id).Select(x => x.Name!).OrderBy(n => n).ToList(),
                r.LockoutEnd > now))
            .ToList();
        return new PeopleListViewModel(q, page, pageCount, total, people);
    }

    /// <summary>A new person's form: a trainee by default.</summary>
    public Task<PersonFormViewModel> NewPersonAsync(CancellationToken ct = default) => WithTeamsAsync(new PersonFormViewModel { Roles = [Roles.Trainee] }, ct);

    /// <summary>The person's form, or null when there is no such person.</summary>
    public async Task<PersonFormViewModel?> PersonAsync(Guid id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return null;
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
        return await WithTeamsAsync(model, ct);
    }

    public Task<bool> PersonExistsAsync(Guid id, CancellationToken ct = default) => db.Set<AppUser>().AnyAsync(u => u.Id == id, ct);

    /// <summary>Fills the person form's list of teams.</summary>
    public async Task<PersonFormViewModel> WithTeamsAsync(PersonFormViewModel model, CancellationToken ct = default)
    {
        model.Teams = await db.Set<Team>().AsNoTracking().OrderBy(x => x.Name).Select(x => new TeamOption(x.Id, x.Name)).ToListAsync(ct);
        return model;
    }

    /// <summary>Every team by name with its leader and size.</summary>
    public async Task<IReadOnlyList<TeamRow>> TeamsAsync(CancellationToken ct = default) =>
        await db.Set<Team>().AsNoTracking()
            .OrderBy(x => x.Name)
            .Select(x => new TeamRow(
                x.Id,
                x.Name,
                db.Set<AppUser>().Where(u => u.Id == x.LeaderId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Set<AppUser>().Count(u => u.TeamId == x.Id)))
            .ToListAsync(ct);

    /// <summary>The team's form, or null when there is no such team.</summary>
    public async Task<TeamFormViewModel?> TeamAsync(Guid id, CancellationToken ct = default)
    {
        var team = await db.Set<Team>().FindAsync([id], ct);
        return team is null ? null : await WithLeadersAsync(new TeamFormViewModel { Id = team.Id, Name = team.Name, LeaderId = team.LeaderId }, ct);
    }

    public Task<bool> TeamExistsAsync(Guid id, CancellationToken ct = default) => db.Set<Team>().AnyAsync(x => x.Id == id, ct);

    /// <summary>Fills the team form's list of people who may lead a team.</summary>
    public async Task<TeamFormViewModel> WithLeadersAsync(TeamFormViewModel model, CancellationToken ct = default)
    {
        var ids = LeaderIds(db);
        model.Leaders = await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new TeamOption(u.Id, u.DisplayName)).ToListAsync(ct);
        return model;
    }

    /// <summary>People holding the leader role.</summary>
    internal static IQueryable<Guid> LeaderIds(DbContext db) =>
        from ur in db.Set<IdentityUserRole<Guid>>()
        join r in db.Set<AppRole>() on ur.RoleId equals r.Id
        where r.Name == Roles.Leader
        select ur.UserId;
}
