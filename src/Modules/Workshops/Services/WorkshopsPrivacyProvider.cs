using System.Globalization;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Workshops.Data;
using ChangeAgentAcademy.Workshops.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Workshops.Services;

/// <summary>
/// Bookings, on-site requests, facilitation and the records and ideas of a workshop. Erasure keeps bookings under
/// a new, unlinked id (attendance numbers and capacity stay right), empties the wishes of the person's requests,
/// and forgets them as facilitator, recorder, decider or PDSA author; the workshop's record and ideas are the
/// group's and stay. Facilitating an open workshop that has not yet taken place holds the erasure.
/// </summary>
public sealed class WorkshopsPrivacyProvider(DbContext db, TimeProvider clock, IStringLocalizer<WorkshopsText> S) : IPrivacyProvider
{
    public string Module => "Workshops";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(Booking), [nameof(Booking.UserId)], "PrivacyPurposeBookings", "PrivacyReadersWorkshop", null, ErasureAction.Anonymise),
        new(typeof(OnSiteRequest), [nameof(OnSiteRequest.LeaderId), nameof(OnSiteRequest.DecidedBy), nameof(OnSiteRequest.Wishes), nameof(OnSiteRequest.DeclineMessage)], "PrivacyPurposeRequests", "PrivacyReadersRequests", null, ErasureAction.Anonymise),
        new(typeof(WorkshopSession), [nameof(WorkshopSession.FacilitatorId)], "PrivacyPurposeFacilitation", "PrivacyReadersWorkshop", null, ErasureAction.Anonymise),
        new(typeof(WorkshopRecord), [nameof(WorkshopRecord.RecordedBy), nameof(WorkshopRecord.Critique), nameof(WorkshopRecord.VisionHowWeWork), nameof(WorkshopRecord.VisionValues), nameof(WorkshopRecord.VisionResidents)], "PrivacyPurposeRecord", "PrivacyReadersWorkshop", null, ErasureAction.Anonymise),
        new(typeof(WorkshopIdea), [nameof(WorkshopIdea.PdsaBy), nameof(WorkshopIdea.Text)], "PrivacyPurposeRecord", "PrivacyReadersWorkshop", null, ErasureAction.Anonymise),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var bookings = await (from b in db.Set<Booking>().AsNoTracking()
                              join s in db.Set<WorkshopSession>() on b.SessionId equals s.Id
                              where b.UserId == personId
                              orderby s.StartsUtc
                              select new { Workshop = s.Title, s.StartsUtc, s.Place, Status = b.Status.ToString(), b.BookedUtc, b.ChangedUtc }).ToListAsync(cancellationToken);
        var requests = await db.Set<OnSiteRequest>().AsNoTracking().Where(r => r.LeaderId == personId).OrderBy(r => r.CreatedUtc)
            .Select(r => new { r.Participants, r.Wishes, Status = r.Status.ToString(), r.CreatedUtc, r.DecidedUtc, r.DeclineMessage }).ToListAsync(cancellationToken);
        var facilitated = await db.Set<WorkshopSession>().AsNoTracking().Where(s => s.FacilitatorId == personId).OrderBy(s => s.StartsUtc)
            .Select(s => new { s.Title, s.StartsUtc, s.Place }).ToListAsync(cancellationToken);
        var c = CultureInfo.CurrentCulture;
        var summary = new List<PrivacySummaryLine>
        {
            new(S["PrivacyBookings"], bookings.Count == 0 ? S["PrivacyNone"] : string.Join(", ", bookings.Select(b => b.Workshop))),
        };
        if (requests.Count > 0)
        {
            summary.Add(new(S["PrivacyRequests"], requests.Count.ToString(c)));
        }

        if (facilitated.Count > 0)
        {
            summary.Add(new(S["PrivacyFacilitated"], facilitated.Count.ToString(c)));
        }

        return new PrivacyExportPart(Module, new { Bookings = bookings, OnSiteRequests = requests, Facilitated = facilitated }, summary);
    }

    public async Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var upcoming = await db.Set<WorkshopSession>().Where(s => s.FacilitatorId == personId && s.Status == WorkshopStatus.Open && s.StartsUtc > now)
            .OrderBy(s => s.StartsUtc).Select(s => s.Title).ToListAsync(cancellationToken);
        return upcoming.Select(title => new ErasureHold(Module, S["PrivacyHoldFacilitator", title]) { ToPerson = S["PrivacyHoldFacilitatorOwn", title] }).ToList();
    }

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var ghost = Guid.NewGuid();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Set<Booking>().Where(b => b.UserId == personId).ExecuteUpdateAsync(u => u.SetProperty(b => b.UserId, ghost), cancellationToken);
        await db.Set<OnSiteRequest>().Where(r => r.LeaderId == personId).ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaderId, ghost).SetProperty(r => r.Wishes, "").SetProperty(r => r.DeclineMessage, (string?)null), cancellationToken);
        await db.Set<OnSiteRequest>().Where(r => r.DecidedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(r => r.DecidedBy, (Guid?)null), cancellationToken);
        await db.Set<WorkshopSession>().Where(s => s.FacilitatorId == personId).ExecuteUpdateAsync(u => u.SetProperty(s => s.FacilitatorId, (Guid?)null), cancellationToken);
        await db.Set<WorkshopRecord>().Where(r => r.RecordedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(r => r.RecordedBy, ghost), cancellationToken);
        await db.Set<WorkshopIdea>().Where(i => i.PdsaBy == personId).ExecuteUpdateAsync(u => u.SetProperty(i => i.PdsaBy, (Guid?)null), cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RetentionCount>>([]);
}
