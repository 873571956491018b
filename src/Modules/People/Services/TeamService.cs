using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.People.Resources;
using ChangeAgentAcademy.People.ViewModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.People.Services;

/// <summary>Adding and changing teams: a unique name, a leader who holds the leader role, the audit.</summary>
public sealed class TeamService(DbContext db, TimeProvider clock, IStringLocalizer<PeopleText> S)
{
    /// <summary>What is wrong with the form, as (field, localized message) pairs.</summary>
    public async Task<IReadOnlyList<(string Field, string Message)>> ValidateAsync(TeamFormViewModel model, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        if (!string.IsNullOrWhiteSpace(model.Name))
        {
            var name = model.Name.Trim();
            var other = model.Id ?? Guid.Empty;
            if (await db.Set<Team>().AnyAsync(x => x.Name == name && x.Id != other, ct))
            {
                errors.Add((nameof(model.Name), S["TeamNameTaken"]));
            }
        }

        if (model.LeaderId is { } leaderId && !await PeoplePages.LeaderIds(db).AnyAsync(x => x == leaderId, ct))
        {
            errors.Add((nameof(model.LeaderId), S["LeaderMustHaveRole"]));
        }

        return errors;
    }

    /// <summary>A new team from a valid form; its name.</summary>
    public async Task<Result<string>> CreateAsync(TeamFormViewModel model, Guid? actor, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var team = new Team { Id = Guid.NewGuid(), Name = model.Name!.Trim(), LeaderId = model.LeaderId, CreatedUtc = now };
        db.Set<Team>().Add(team);
        db.AddAudit(now, actor, "teams.created", team.Id.ToString(), team.Name);
        await db.SaveChangesAsync(ct);
        return Result<string>.Success(team.Name);
    }

    /// <summary>Saves a valid form over the team; its name.</summary>
    public async Task<Result<string>> UpdateAsync(Guid id, TeamFormViewModel model, Guid? actor, CancellationToken ct = default)
    {
        var team = await db.Set<Team>().FindAsync([id], ct);
        if (team is null)
        {
            return Result<string>.From(Result.NotFound());
        }

        team.Name = model.Name!.Trim();
        team.LeaderId = model.LeaderId;
        db.AddAudit(clock.GetUtcNow().UtcDateTime, actor, "teams.updated", team.Id.ToString(), team.Name);
        await db.SaveChangesAsync(ct);
        return Result<string>.Success(team.Name);
    }
}
