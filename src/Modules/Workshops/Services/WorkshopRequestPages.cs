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
            r.Participants, r.Wishes, r.Status, r.CreatedUtc, r.SessionId, null)).ToListAsync(ct);
        // The decline message lives in the decision's audit entry (the request table has no column for it).
        var declined = rows.Where(r => r.Status == RequestStatus.Declined).Select(r => r.Id.ToString()).ToList();
        if (declined.Count == 0)
        {
            return rows;
        }

        var messages = (await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Action == "workshops.request-declined" && declined.Contains(a.Subject)).Select(a => new { a.Subject, a.Details }).ToListAsync(ct))
            .GroupBy(a => a.Subject).ToDictionary(g => g.Key, g => g.Last().Details);
        return rows.Select(r => r with { Message = messages.GetValueOrDefault(r.Id.ToString()) }).ToList();
    }
}
