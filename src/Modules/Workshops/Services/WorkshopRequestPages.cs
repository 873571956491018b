using System.Security.Claims;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Workshops.Data;
using ChangeAgentAcademy.Workshops.ViewModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Workshops.Services;

/// <summary>The reading for the on-site requests page: a leader's own requests, and for trainers the pending and the decided ones.</summary>
public sealed class WorkshopRequestPages(DbContext db, IPermissionService permissions, IOptions<WorkshopOptions> options)
{
    public async Task<RequestsViewModel> IndexAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var me = user.RequiredPersonId();
        var canRequest = permissions.Has(user, WorkshopPermissions.Request);
        var canDecide = permissions.Has(user, WorkshopPermissions.Manage);
        var teams = canRequest
            ? await db.Set<Team>().AsNoTracking().Where(x => x.LeaderId == me).OrderBy(x => x.Name).Select(x => new TeamOption(x.Id, x.Name)).ToListAsync(ct)
            : [];
        var mine = canRequest ? await RowsAsync(db.Set<OnSiteRequest>().Where(r => r.LeaderId == me).OrderByDescending(r => r.CreatedUtc).Take(20), ct) : [];
        var pending = canDecide ? await RowsAsync(db.Set<OnSiteRequest>().Where(r => r.Status == RequestStatus.Pending).OrderBy(r => r.CreatedUtc).Take(100), ct) : [];
        var decided = canDecide ? await RowsAsync(db.Set<OnSiteRequest>().Where(r => r.Status != RequestStatus.Pending).OrderByDescending(r => r.DecidedUtc).Take(10), ct) : [];
        var o = options.Value;
        return new RequestsViewModel
        {
            CanRequest = canRequest, CanDecide = canDecide, Teams = teams, MyRequests = mine, Pending = pending, Decided = decided,
            Form = new OnSiteRequestViewModel { TeamId = teams.Count == 1 ? teams[0].Id : null },
            MinParticipants = o.OnSiteMinParticipants, MaxParticipants = o.OnSiteMaxParticipants,
        };
    }

    /// <summary>The request (untracked), or null.</summary>
    public Task<OnSiteRequest?> RequestAsync(Guid id, CancellationToken ct = default) =>
        db.Set<OnSiteRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);

    private async Task<List<RequestRow>> RowsAsync(IQueryable<OnSiteRequest> requests, CancellationToken ct)
    {
        var rows = await requests.AsNoTracking().Select(r => new RequestRow(
            r.Id,
            db.Set<Team>().Where(x => x.Id == r.TeamId).Select(x => x.Name).FirstOrDefault() ?? "",
            db.Set<AppUser>().Where(u => u.Id == r.LeaderId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            r.Participants, r.Wishes, r.Status, r.CreatedUtc, r.SessionId, r.Status == RequestStatus.Declined ? r.DeclineMessage : null)).ToListAsync(ct);
        return rows;
    }
}
