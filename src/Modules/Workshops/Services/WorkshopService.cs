using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;
using ChangeAgentAcademy.Workshops.Data;
using ChangeAgentAcademy.Workshops.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Workshops.Services;

/// <summary>
/// Sessions, bookings with the waiting list, on-site requests and their decisions. Each call is all or
/// nothing, audited, and tells the people concerned in their own language.
/// </summary>
public sealed class WorkshopService(DbContext db, INotifier notifier, TimeProvider clock, IOptions<WorkshopOptions> options, IOptions<ProgrammeOptions> programme, IPracticalLogs practicalLogs, IStringLocalizer<WorkshopsText> S)
{
    private readonly WorkshopOptions settings = options.Value;

    public WorkshopOptions Settings => settings;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private Result Fail(string key, params object[] args) => Result.Conflict(S[key, args].Value);

    /// <summary>
    /// Takes the session's row lock for the rest of the transaction (a no-op update): concurrent bookings
    /// and cancellations of one session queue here, so the counts read afterwards are current. On SQLite
    /// the transaction already holds the database's write lock.
    /// </summary>
    private Task<int> LockAsync(Guid sessionId, CancellationToken ct) =>
        db.Set<WorkshopSession>().Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Capacity, s => s.Capacity), ct);

    /// <summary>On-site sessions are for the requesting unit: its members and its leader.</summary>
    public async Task<bool> MayJoinAsync(WorkshopSession session, Guid personId, CancellationToken ct = default)
    {
        if (session.RequestId is not { } requestId)
        {
            return true;
        }

        var teamId = await db.Set<OnSiteRequest>().Where(r => r.Id == requestId).Select(r => (Guid?)r.TeamId).FirstOrDefaultAsync(ct);
        return teamId is not null && await db.Set<Team>().AnyAsync(x => x.Id == teamId && (x.LeaderId == personId || db.Set<AppUser>().Any(u => u.Id == personId && u.TeamId == x.Id)), ct);
    }

    public async Task<Result<BookingStatus>> BookAsync(Guid sessionId, Guid personId, bool joinWaitlist, CancellationToken ct = default)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(sessionId, ct) == 0)
        {
            return Result<BookingStatus>.From(Result.NotFound());
        }

        var session = await db.Set<WorkshopSession>().AsNoTracking().FirstAsync(s => s.Id == sessionId, ct);
        if (!await MayJoinAsync(session, personId, ct))
        {
            return Result<BookingStatus>.From(Result.Forbidden(S["OnSiteOnlyForTeam"].Value));
        }

        var booking = await db.Set<Booking>().FirstOrDefaultAsync(b => b.SessionId == sessionId && b.UserId == personId, ct);
        if (WorkshopRules.BookingRefusal(session.Status, session.StartsUtc, now, booking?.Status) is { } refusal)
        {
            return Result<BookingStatus>.From(Fail(refusal));
        }

        var booked = await db.Set<Booking>().CountAsync(b => b.SessionId == sessionId && b.Status == BookingStatus.Booked, ct);
        if (WorkshopRules.Place(booked, session.Capacity, joinWaitlist) is not { } status)
        {
            return Result<BookingStatus>.From(Fail("SessionFull"));
        }

        if (booking is null)
        {
            booking = new Booking { SessionId = sessionId, UserId = personId };
            db.Set<Booking>().Add(booking);
        }

        booking.Status = status;
        booking.BookedUtc = now;
        booking.ChangedUtc = now;
        db.AddAudit(now, personId, status == BookingStatus.Booked ? "workshops.booked" : "workshops.waitlisted", sessionId.ToString(), personId.ToString());
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<BookingStatus>.Success(status);
    }

    /// <summary>The person gives up their place (or waiting-list place); a freed place goes to the first on the waiting list, who is told.</summary>
    public async Task<Result> CancelAsync(Guid sessionId, Guid personId, CancellationToken ct = default)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(sessionId, ct) == 0)
        {
            return Result.NotFound();
        }

        var session = await db.Set<WorkshopSession>().AsNoTracking().FirstAsync(s => s.Id == sessionId, ct);
        var booking = await db.Set<Booking>().FirstOrDefaultAsync(b => b.SessionId == sessionId && b.UserId == personId, ct);
        if (WorkshopRules.CancelRefusal(session.StartsUtc, now, booking?.Status) is { } refusal)
        {
            return Fail(refusal);
        }

        var heldPlace = booking!.Status == BookingStatus.Booked;
        booking.Status = BookingStatus.Cancelled;
        booking.ChangedUtc = now;
        db.AddAudit(now, personId, "workshops.cancelled", sessionId.ToString(), personId.ToString());
        await db.SaveChangesAsync(ct);
        if (heldPlace && session.Status == WorkshopStatus.Open)
        {
            await PromoteAsync(session, now, ct);
        }

        await transaction.CommitAsync(ct);
        return Result.Success();
    }

    private async Task PromoteAsync(WorkshopSession session, DateTime now, CancellationToken ct)
    {
        var booked = await db.Set<Booking>().CountAsync(b => b.SessionId == session.Id && b.Status == BookingStatus.Booked, ct);
        var waiting = await db.Set<Booking>().Where(b => b.SessionId == session.Id && b.Status == BookingStatus.Waitlisted).ToListAsync(ct);
        var promoted = WorkshopRules.Promote(waiting.Select(w => (w.UserId, w.BookedUtc)), booked, session.Capacity);
        if (promoted.Count == 0)
        {
            return;
        }

        var languages = await LanguagesAsync(promoted, ct);
        foreach (var booking in waiting.Where(w => promoted.Contains(w.UserId)))
        {
            booking.Status = BookingStatus.Booked;
            booking.ChangedUtc = now;
            db.AddAudit(now, null, "workshops.promoted", session.Id.ToString(), booking.UserId.ToString());
            await notifier.NotifyAsync(Write($"workshops:promoted:{session.Id}:{booking.UserId}:{now.Ticks}", booking.UserId, languages.GetValueOrDefault(booking.UserId), "Promoted", $"/workshops/{session.Id}", session.Title, session.StartsUtc, session.Place), ct);
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Creates sessions (a series or one); nothing is saved when any is refused.</summary>
    public async Task<IReadOnlyList<Guid>> CreateSessionsAsync(IReadOnlyList<SessionSlot> slots, string title, string place, int capacity, Guid facilitatorId, Guid actorId, Guid? requestId = null, CancellationToken ct = default)
    {
        var now = Now;
        var ids = new List<Guid>();
        foreach (var slot in slots)
        {
            var session = new WorkshopSession
            {
                Id = Guid.NewGuid(), Title = title, Place = place, StartsUtc = slot.StartsUtc, EndsUtc = slot.EndsUtc, Capacity = capacity,
                FacilitatorId = facilitatorId, RequestId = requestId, Status = WorkshopStatus.Open, CreatedUtc = now,
            };
            db.Set<WorkshopSession>().Add(session);
            db.AddAudit(now, actorId, "workshops.session-created", session.Id.ToString(), slot.StartsUtc.ToString("O", CultureInfo.InvariantCulture));
            ids.Add(session.Id);
        }

        await db.SaveChangesAsync(ct);
        return ids;
    }

    /// <summary>The facilitator (or an administrator) calls a session off; everyone booked or waiting is told.</summary>
    public async Task<Result> CancelSessionAsync(Guid sessionId, Guid actorId, CancellationToken ct = default)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await LockAsync(sessionId, ct) == 0)
        {
            return Result.NotFound();
        }

        var session = await db.Set<WorkshopSession>().FirstAsync(s => s.Id == sessionId, ct);
        if (session.Status != WorkshopStatus.Open || session.StartsUtc <= now)
        {
            return Fail(session.Status == WorkshopStatus.Cancelled ? "SessionCancelled" : "SessionStarted");
        }

        session.Status = WorkshopStatus.Cancelled;
        db.AddAudit(now, actorId, "workshops.session-cancelled", sessionId.ToString());
        var people = await db.Set<Booking>().Where(b => b.SessionId == sessionId && b.Status != BookingStatus.Cancelled).Select(b => b.UserId).ToListAsync(ct);
        var languages = await LanguagesAsync(people, ct);
        foreach (var person in people)
        {
            await notifier.NotifyAsync(Write($"workshops:session-cancelled:{sessionId}:{person}", person, languages.GetValueOrDefault(person), "SessionCancelled", "/workshops", session.Title, session.StartsUtc), ct);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success();
    }

    /// <summary>A leader asks for an on-site workshop for their own team (403 for someone else's).</summary>
    public async Task<Result> RequestAsync(Guid leaderId, Guid teamId, int participants, string wishes, CancellationToken ct = default)
    {
        if (!await db.Set<Team>().AnyAsync(x => x.Id == teamId && x.LeaderId == leaderId, ct))
        {
            return Result.Forbidden(S["NotYourTeam"].Value);
        }

        if (!WorkshopRules.OnSiteParticipantsAllowed(participants, settings))
        {
            return Result.Invalid(S["ParticipantsRange", settings.OnSiteMinParticipants, settings.OnSiteMaxParticipants].Value);
        }

        var now = Now;
        var request = new OnSiteRequest { Id = Guid.NewGuid(), LeaderId = leaderId, TeamId = teamId, Participants = participants, Wishes = wishes.Trim(), Status = RequestStatus.Pending, CreatedUtc = now };
        db.Set<OnSiteRequest>().Add(request);
        db.AddAudit(now, leaderId, "workshops.requested", request.Id.ToString(), $"team {teamId}, {participants} people");
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>A trainer accepts a pending request by scheduling its session (they facilitate it); the leader is told.</summary>
    public async Task<Result<Guid>> ScheduleAsync(Guid requestId, SessionSlot slot, string title, string place, int capacity, Guid actorId, CancellationToken ct = default)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var request = await db.Set<OnSiteRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return Result<Guid>.From(Result.NotFound());
        }

        var sessionId = (await CreateSessionsAsync([slot], title, place, capacity, actorId, actorId, requestId, ct))[0];
        // Claimed with a conditional update: of two trainers answering at once, one wins and the other is told.
        var claimed = await db.Set<OnSiteRequest>().Where(r => r.Id == requestId && r.Status == RequestStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RequestStatus.Scheduled).SetProperty(r => r.SessionId, sessionId).SetProperty(r => r.DecidedBy, actorId).SetProperty(r => r.DecidedUtc, now), ct);
        if (claimed == 0)
        {
            return Result<Guid>.From(Fail("RequestNotPending"));
        }

        db.AddAudit(now, actorId, "workshops.request-scheduled", requestId.ToString(), sessionId.ToString());
        var language = (await LanguagesAsync([request.LeaderId], ct)).GetValueOrDefault(request.LeaderId);
        await notifier.NotifyAsync(Write($"workshops:request-scheduled:{requestId}", request.LeaderId, language, "Scheduled", $"/workshops/{sessionId}", slot.StartsUtc, place), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result<Guid>.Success(sessionId);
    }

    /// <summary>
    /// A trainer declines with a message; the leader is told. The message is kept on the request; the audit
    /// entry records the event (and, as it always did, the message).
    /// </summary>
    public async Task<Result> DeclineAsync(Guid requestId, string message, Guid actorId, CancellationToken ct = default)
    {
        var now = Now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var request = await db.Set<OnSiteRequest>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null)
        {
            return Result.NotFound();
        }

        var claimed = await db.Set<OnSiteRequest>().Where(r => r.Id == requestId && r.Status == RequestStatus.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RequestStatus.Declined).SetProperty(r => r.DecidedBy, actorId).SetProperty(r => r.DecidedUtc, now).SetProperty(r => r.DeclineMessage, message.Trim()), ct);
        if (claimed == 0)
        {
            return Fail("RequestNotPending");
        }

        db.AddAudit(now, actorId, "workshops.request-declined", requestId.ToString(), message.Trim());
        var language = (await LanguagesAsync([request.LeaderId], ct)).GetValueOrDefault(request.LeaderId);
        await notifier.NotifyAsync(Write($"workshops:request-declined:{requestId}", request.LeaderId, language, "Declined", "/workshops/requests", message.Trim()), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Result.Success();
    }

    /// <summary>The facilitator's record of a session (critique and vision); a session that has started counts as held.</summary>
    public async Task<Result> RecordAsync(Guid sessionId, string? critique, string? visionHowWeWork, string? visionValues, string? visionResidents, Guid actorId, CancellationToken ct = default)
    {
        var now = Now;
        var session = await db.Set<WorkshopSession>().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null)
        {
            return Result.NotFound();
        }

        var record = await db.Set<WorkshopRecord>().FirstOrDefaultAsync(r => r.SessionId == sessionId, ct);
        if (record is null)
        {
            record = new WorkshopRecord { SessionId = sessionId };
            db.Set<WorkshopRecord>().Add(record);
        }

        record.Critique = critique?.Trim() ?? "";
        record.VisionHowWeWork = visionHowWeWork?.Trim() ?? "";
        record.VisionValues = visionValues?.Trim() ?? "";
        record.VisionResidents = visionResidents?.Trim() ?? "";
        record.RecordedBy = actorId;
        record.UpdatedUtc = now;
        if (session.StartsUtc <= now && session.Status == WorkshopStatus.Open)
        {
            session.Status = WorkshopStatus.Held;
        }

        db.AddAudit(now, actorId, "workshops.recorded", sessionId.ToString());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    public async Task<Result> AddIdeaAsync(Guid sessionId, string text, Guid actorId, CancellationToken ct = default)
    {
        var now = Now;
        db.Set<WorkshopIdea>().Add(new WorkshopIdea { SessionId = sessionId, Text = text, CreatedUtc = now });
        db.AddAudit(now, actorId, "workshops.idea-added", sessionId.ToString());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    public async Task<Result> RemoveIdeaAsync(Guid sessionId, long ideaId, Guid actorId, CancellationToken ct = default)
    {
        var idea = await db.Set<WorkshopIdea>().FirstOrDefaultAsync(i => i.Id == ideaId && i.SessionId == sessionId, ct);
        if (idea is null)
        {
            return Result.NotFound();
        }

        db.Set<WorkshopIdea>().Remove(idea);
        db.AddAudit(Now, actorId, "workshops.idea-removed", sessionId.ToString(), ideaId.ToString());
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    /// <summary>
    /// The idea becomes a draft PDSA test of the person; its address comes back (409 when practical logs are
    /// switched off). The idea remembers the first PDSA made from it; later ones by others have the same origin.
    /// </summary>
    public async Task<Result<string>> StartPdsaAsync(Guid sessionId, long ideaId, Guid personId, CancellationToken ct = default)
    {
        var idea = await db.Set<WorkshopIdea>().FirstOrDefaultAsync(i => i.Id == ideaId && i.SessionId == sessionId, ct);
        if (idea is null)
        {
            return Result<string>.From(Result.NotFound());
        }

        var url = await practicalLogs.StartPdsaAsync(personId, idea.Text, $"workshop-idea:{idea.Id}", ct);
        if (url is null)
        {
            return Result<string>.From(Result.Conflict(S["PdsaUnavailable"].Value));
        }

        if (idea.PdsaUrl is null)
        {
            idea.PdsaUrl = url.Length <= 300 ? url : null;
            idea.PdsaBy = personId;
        }

        db.AddAudit(Now, personId, "workshops.idea-to-pdsa", sessionId.ToString(), ideaId.ToString());
        await db.SaveChangesAsync(ct);
        return Result<string>.Success(url);
    }

    private async Task<Dictionary<Guid, string>> LanguagesAsync(IReadOnlyCollection<Guid> people, CancellationToken ct) =>
        await db.Set<AppUser>().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Language, ct);

    /// <summary>Subject and body from "Notice.{kind}.Subject" / ".Body" in the recipient's language, dates in the programme's zone.</summary>
    private Notice Write(string key, Guid person, string? language, string kind, string url, params object[] args)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(programme.Value.TimeZone);
        using (new CultureScope(ProgrammeOptions.IsSupported(language) ? language! : "en"))
        {
            var formatted = args.Select(a => a is DateTime d ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc), zone).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture) : a).ToArray();
            return new Notice(key, person, S[$"Notice.{kind}.Subject", formatted].Value, S[$"Notice.{kind}.Body", formatted].Value, url);
        }
    }
}
