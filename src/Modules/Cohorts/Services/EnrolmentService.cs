using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Resources;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>
/// Who may join which cohort, capacity and the waiting list, requests and their approval. Each call is
/// all or nothing: one refused person in a batch saves nothing. Every change is audited and mailed to
/// the person concerned in their own language. Every change to a cohort's places runs in a transaction
/// that first locks the cohort (<see cref="LockPlacesAsync"/>) and only then reads places, members and
/// requests: two enrolments, approvals or withdrawals at once take turns, so a cohort is never
/// overfilled, nobody is promoted twice and a person has one place.
/// </summary>
public sealed class EnrolmentService(DbContext db, IEmailOutbox outbox, IJobTrigger jobs, TimeProvider clock, IStringLocalizer<CohortsText> S)
{
    private sealed record Person(Guid Id, string Name, string Email, string Language, Guid? TeamId, Guid? LeaderId, bool IsTrainee, bool IsLeader);

    private async Task<Dictionary<Guid, Person>> PeopleAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.Language, u.TeamId,
                LeaderId = db.Set<Team>().Where(x => x.Id == u.TeamId).Select(x => x.LeaderId).FirstOrDefault(),
                Roles = (from ur in db.Set<IdentityUserRole<Guid>>() join r in db.Set<AppRole>() on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).ToList(),
            }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new Person(r.Id, r.DisplayName, r.Email ?? "", r.Language, r.TeamId, r.LeaderId, r.Roles.Contains(Roles.Trainee), r.Roles.Contains(Roles.Leader)));
    }

    /// <summary>A leader enrols members of their own teams (or themselves into a leader track); an administrator anyone.</summary>
    public async Task<Result<Placements>> EnrolAsync(Guid cohortId, IReadOnlyCollection<Guid> ids, Guid actorId, bool isAdministrator, CancellationToken ct = default)
    {
        await using var transaction = await LockPlacesAsync(cohortId, ct);
        var cohort = await db.Set<Cohort>().FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null)
        {
            return Missing(S["CohortNotFound"]);
        }

        if (ids.Count == 0)
        {
            return Fail(S["ChooseSomeone"]);
        }

        var people = await PeopleAsync(ids.Distinct().ToList(), ct);
        var errors = new List<string>();
        foreach (var id in ids.Distinct().Where(id => !people.ContainsKey(id)))
        {
            errors.Add(S["UnknownPerson"]);
        }

        foreach (var person in people.Values)
        {
            var own = person.Id == actorId && cohort.Track == CohortTrack.Leader;
            if (!isAdministrator && person.LeaderId != actorId && !own)
            {
                return Refuse(S["NotYourTeam", person.Name]);
            }
        }

        errors.AddRange(await EligibilityErrorsAsync(cohort, people.Values, ct));
        if (errors.Count > 0)
        {
            return Fail([.. errors]);
        }

        // In the order given: when places run out, the later names go to the waiting list.
        var (enrolled, waitlisted) = await AddMembersAsync(cohort, ids.Distinct().Select(id => people[id]), actorId, ct);
        await transaction.CommitAsync(ct);
        jobs.Trigger(JobIds.NotificationsOutbox);
        return Result<Placements>.Success(new Placements(enrolled, waitlisted));
    }

    private async Task<List<string>> EligibilityErrorsAsync(Cohort cohort, IEnumerable<Person> people, CancellationToken ct)
    {
        var errors = new List<string>();
        if (cohort.Status != CohortStatus.Open)
        {
            errors.Add(S["CohortClosed", cohort.Name]);
            return errors;
        }

        var ids = people.Select(p => p.Id).ToList();
        await LockPeopleAsync(ids, ct);
        var existing = await db.Set<CohortMember>().Where(m => m.CohortId == cohort.Id && ids.Contains(m.UserId) && m.Status != MemberStatus.Withdrawn).Select(m => m.UserId).ToListAsync(ct);

        // One active cohort per track: a place (or a waiting-list place) in another open cohort of the same
        // track stands in the way until the person leaves it or that cohort closes.
        var elsewhere = (await (from m in db.Set<CohortMember>()
                                join c in db.Set<Cohort>() on m.CohortId equals c.Id
                                where ids.Contains(m.UserId) && m.Status != MemberStatus.Withdrawn && c.Id != cohort.Id
                                      && c.Track == cohort.Track && c.Status == CohortStatus.Open
                                select new { m.UserId, c.Name }).ToListAsync(ct))
            .GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.First().Name);
        foreach (var person in people)
        {
            if (existing.Contains(person.Id))
            {
                errors.Add(S["AlreadyInCohort", person.Name, cohort.Name]);
            }
            else if (elsewhere.TryGetValue(person.Id, out var other))
            {
                errors.Add(S["AlreadyInActiveCohort", person.Name, other]);
            }
            else if (cohort.Track == CohortTrack.Leader ? !person.IsLeader : !person.IsTrainee)
            {
                errors.Add(S[cohort.Track == CohortTrack.Leader ? "LeaderTrackOnlyLeaders" : "TraineeTrackOnlyTrainees", person.Name]);
            }
        }

        return errors;
    }

    /// <summary>Inside the transaction of <see cref="LockPlacesAsync"/>; the caller commits.</summary>
    private async Task<(int Enrolled, int Waitlisted)> AddMembersAsync(Cohort cohort, IEnumerable<Person> people, Guid actorId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.Set<CohortMember>().CountAsync(m => m.CohortId == cohort.Id && m.Status == MemberStatus.Enrolled, ct);
        int enrolled = 0, waitlisted = 0;
        var added = new List<(Person Person, CohortMember Member)>();
        foreach (var person in people)
        {
            var member = await db.Set<CohortMember>().FirstOrDefaultAsync(m => m.CohortId == cohort.Id && m.UserId == person.Id, ct);
            if (member is null)
            {
                member = new CohortMember { CohortId = cohort.Id, UserId = person.Id };
                db.Set<CohortMember>().Add(member);
            }

            member.Status = taken < cohort.Capacity ? MemberStatus.Enrolled : MemberStatus.Waitlisted;
            // One microsecond apart in the order given, so the waiting list keeps that order (PostgreSQL keeps microseconds).
            member.EnrolledUtc = now.AddTicks(added.Count * 10);
            member.ChangedUtc = now;
            member.ChangedBy = actorId;
            if (member.Status == MemberStatus.Enrolled)
            {
                taken++;
                enrolled++;
            }
            else
            {
                waitlisted++;
            }

            // A direct enrolment answers any open request for the same place.
            await db.Set<EnrolmentRequest>().Where(r => r.CohortId == cohort.Id && r.UserId == person.Id && r.Status == RequestStatus.Pending)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, RequestStatus.Approved).SetProperty(r => r.DecidedBy, actorId).SetProperty(r => r.DecidedUtc, now), ct);
            db.AddAudit(now, actorId, member.Status == MemberStatus.Enrolled ? "cohorts.enrolled" : "cohorts.waitlisted", cohort.Id.ToString(), person.Id.ToString());
            added.Add((person, member));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (person, member) in added)
        {
            await MailAsync(person, member.Status == MemberStatus.Enrolled ? "MailEnrolled" : "MailWaitlisted", cohort.Name);
        }

        await db.SaveChangesAsync(ct);
        return (enrolled, waitlisted);
    }

    /// <summary>
    /// Begins the transaction for a change to a cohort's places and waits until no other such change to
    /// the same cohort is under way: PostgreSQL locks the cohort's row (FOR UPDATE), SQL Server takes an
    /// update lock on it, and SQLite's transaction (BEGIN IMMEDIATE) already holds the database's one write
    /// lock. Read places, members and requests only after this, so the counts are the committed ones.
    /// </summary>
    private async Task<IDbContextTransaction> LockPlacesAsync(Guid cohortId, CancellationToken ct)
    {
        var transaction = await db.Database.BeginTransactionAsync(ct);
        switch (SqlDialect.Of(db).Engine)
        {
            case SqlEngine.Postgres:
                await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM \"cohorts_cohorts\" WHERE \"Id\" = {0} FOR UPDATE", [cohortId], ct);
                break;
            case SqlEngine.SqlServer:
                await db.Database.ExecuteSqlRawAsync("SELECT 1 FROM \"cohorts_cohorts\" WITH (UPDLOCK, HOLDLOCK, ROWLOCK) WHERE \"Id\" = {0}", [cohortId], ct);
                break;
            default:
                break;
        }

        return transaction;
    }

    /// <summary>
    /// Inside a transaction: holds the people's rows until commit, so two changes for the same person in
    /// two different cohorts (each under its own cohort's lock) take turns and the second sees the first's
    /// place. Rows are locked in id order, so two batches naming the same people cannot deadlock.
    /// </summary>
    private async Task LockPeopleAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        // The table's name comes from the EF model (never from input).
        var table = "\"" + db.Model.FindEntityType(typeof(AppUser))!.GetTableName() + "\"";
        var sorted = ids.Distinct().Order().ToArray();
        switch (SqlDialect.Of(db).Engine)
        {
            case SqlEngine.Postgres:
                var forUpdate = "SELECT 1 FROM " + table + " WHERE \"Id\" = ANY({0}) ORDER BY \"Id\" FOR UPDATE";
                await db.Database.ExecuteSqlRawAsync(forUpdate, [sorted], ct);
                break;
            case SqlEngine.SqlServer:
                var updLock = "SELECT 1 FROM " + table + " WITH (UPDLOCK, HOLDLOCK, ROWLOCK) WHERE \"Id\" = {0}";
                foreach (var id in sorted)
                {
                    await db.Database.ExecuteSqlRawAsync(updLock, [id], ct);
                }

                break;
            default:
                break;
        }
    }

    /// <summary>The person leaves (or is removed). If they held a place, the first on the waiting list gets it and is told.</summary>
    public async Task<Result<Placements>> WithdrawAsync(Guid cohortId, Guid personId, Guid actorId, bool mayManageCohort, CancellationToken ct = default)
    {
        await using var transaction = await LockPlacesAsync(cohortId, ct);
        var member = await db.Set<CohortMember>().FirstOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == personId && m.Status != MemberStatus.Withdrawn, ct);
        var cohort = await db.Set<Cohort>().FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (member is null || cohort is null)
        {
            return Fail(S["NotInCohort"]);
        }

        var person = (await PeopleAsync([personId], ct))[personId];
        if (!mayManageCohort && actorId != personId && person.LeaderId != actorId)
        {
            return Refuse(S["NotYourTeam", person.Name]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var heldPlace = member.Status == MemberStatus.Enrolled;
        member.Status = MemberStatus.Withdrawn;
        member.ChangedUtc = now;
        member.ChangedBy = actorId;
        db.AddAudit(now, actorId, actorId == personId ? "cohorts.withdrew" : "cohorts.removed", cohortId.ToString(), personId.ToString());
        await db.SaveChangesAsync(ct);
        if (heldPlace)
        {
            await PromoteAsync(cohort, actorId, now, ct);
        }

        await transaction.CommitAsync(ct);
        jobs.Trigger(JobIds.NotificationsOutbox);
        return Result<Placements>.Success(default);
    }

    /// <summary>After a cohort's places were raised (or it reopened): the waiting list moves up into the free places, and each person promoted is told.</summary>
    public async Task<int> FillFreePlacesAsync(Guid cohortId, Guid actorId, CancellationToken ct = default)
    {
        await using var transaction = await LockPlacesAsync(cohortId, ct);
        var cohort = await db.Set<Cohort>().FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null || cohort.Status != CohortStatus.Open)
        {
            return 0;
        }

        var promoted = await PromoteAsync(cohort, actorId, clock.GetUtcNow().UtcDateTime, ct);
        await transaction.CommitAsync(ct);
        if (promoted > 0)
        {
            jobs.Trigger(JobIds.NotificationsOutbox);
        }

        return promoted;
    }

    /// <summary>Fills free places from the waiting list, first come first served.</summary>
    private async Task<int> PromoteAsync(Cohort cohort, Guid actorId, DateTime now, CancellationToken ct)
    {
        var taken = await db.Set<CohortMember>().CountAsync(m => m.CohortId == cohort.Id && m.Status == MemberStatus.Enrolled, ct);
        var next = await db.Set<CohortMember>().Where(m => m.CohortId == cohort.Id && m.Status == MemberStatus.Waitlisted)
            .OrderBy(m => m.EnrolledUtc).ThenBy(m => m.UserId).Take(Math.Max(0, cohort.Capacity - taken)).ToListAsync(ct);
        foreach (var member in next)
        {
            member.Status = MemberStatus.Enrolled;
            member.ChangedUtc = now;
            member.ChangedBy = actorId;
            db.AddAudit(now, actorId, "cohorts.promoted", cohort.Id.ToString(), member.UserId.ToString());
            var person = (await PeopleAsync([member.UserId], ct))[member.UserId];
            await MailAsync(person, "MailPromoted", cohort.Name);
        }

        await db.SaveChangesAsync(ct);
        return next.Count;
    }

    /// <summary>A trainee asks for a place; their team's leader is told.</summary>
    public async Task<Result<Placements>> RequestAsync(Guid cohortId, Guid personId, CancellationToken ct = default)
    {
        // Locked too, so a double click cannot leave two open requests.
        await using var transaction = await LockPlacesAsync(cohortId, ct);
        var cohort = await db.Set<Cohort>().FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null)
        {
            return Missing(S["CohortNotFound"]);
        }

        var person = (await PeopleAsync([personId], ct))[personId];
        var errors = await EligibilityErrorsAsync(cohort, [person], ct);
        if (person.LeaderId is null)
        {
            errors.Add(S["NoLeaderToApprove"]);
        }

        // One open request per track: a second would ask the leader to place the person twice.
        var pending = await (from r in db.Set<EnrolmentRequest>()
                             join c in db.Set<Cohort>() on r.CohortId equals c.Id
                             where r.UserId == personId && r.Status == RequestStatus.Pending && c.Track == cohort.Track && c.Status == CohortStatus.Open
                             select c.Name).FirstOrDefaultAsync(ct);
        if (pending is not null)
        {
            errors.Add(S["AlreadyRequested", pending]);
        }

        if (errors.Count > 0)
        {
            return Fail([.. errors]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<EnrolmentRequest>().Add(new EnrolmentRequest { Id = Guid.NewGuid(), CohortId = cohortId, UserId = personId, Status = RequestStatus.Pending, RequestedUtc = now });
        db.AddAudit(now, personId, "cohorts.requested", cohortId.ToString(), personId.ToString());
        var leader = (await PeopleAsync([person.LeaderId!.Value], ct))[person.LeaderId.Value];
        await MailAsync(leader, "MailRequest", person.Name, cohort.Name);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        jobs.Trigger(JobIds.NotificationsOutbox);
        return Result<Placements>.Success(default);
    }

    /// <summary>The person's leader (or an administrator) approves or declines; nobody decides their own request.</summary>
    public async Task<Result<Placements>> DecideAsync(Guid requestId, bool approve, string? message, Guid actorId, bool isAdministrator, CancellationToken ct = default)
    {
        // The request's cohort, untracked, only to know which cohort to lock; the request is read again under the lock.
        var cohortId = await db.Set<EnrolmentRequest>().Where(r => r.Id == requestId).Select(r => (Guid?)r.CohortId).FirstOrDefaultAsync(ct);
        if (cohortId is null)
        {
            return Fail(S["RequestNotPending"]);
        }

        await using var transaction = await LockPlacesAsync(cohortId.Value, ct);
        var request = await db.Set<EnrolmentRequest>().FirstOrDefaultAsync(r => r.Id == requestId, ct);
        if (request is null || request.Status != RequestStatus.Pending)
        {
            return Fail(S["RequestNotPending"]);
        }

        if (request.UserId == actorId)
        {
            return Refuse(S["CannotDecideOwnRequest"]);
        }

        var person = (await PeopleAsync([request.UserId], ct))[request.UserId];
        if (!isAdministrator && person.LeaderId != actorId)
        {
            return Refuse(S["NotYourTeam", person.Name]);
        }

        var cohort = await db.Set<Cohort>().FirstAsync(c => c.Id == request.CohortId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!approve)
        {
            request.Status = RequestStatus.Declined;
            request.DecidedBy = actorId;
            request.DecidedUtc = now;
            request.Message = message?.Trim();
            db.AddAudit(now, actorId, "cohorts.request-declined", cohort.Id.ToString(), person.Id.ToString());
            await MailAsync(person, "MailDeclined", cohort.Name, string.IsNullOrWhiteSpace(message) ? "-" : message.Trim());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            jobs.Trigger(JobIds.NotificationsOutbox);
            return Result<Placements>.Success(default);
        }

        var errors = await EligibilityErrorsAsync(cohort, [person], ct);
        if (errors.Count > 0)
        {
            return Fail([.. errors]);
        }

        request.Message = message?.Trim();
        db.AddAudit(now, actorId, "cohorts.request-approved", cohort.Id.ToString(), person.Id.ToString());
        var (enrolled, waitlisted) = await AddMembersAsync(cohort, [person], actorId, ct);
        await transaction.CommitAsync(ct);
        jobs.Trigger(JobIds.NotificationsOutbox);
        return Result<Placements>.Success(new Placements(enrolled, waitlisted));
    }

    /// <summary>Cohorts open for enrolment with places left and the waiting list's length.</summary>
    public async Task<IReadOnlyList<ViewModels.OpenCohortRow>> OpenCohortsAsync(CancellationToken ct = default) =>
        await db.Set<Cohort>().AsNoTracking().Where(c => c.Status == CohortStatus.Open).OrderBy(c => c.StartDate)
            .Select(c => new ViewModels.OpenCohortRow(c.Id, c.Name, c.StartDate, c.Track, c.Language,
                c.Capacity - db.Set<CohortMember>().Count(m => m.CohortId == c.Id && m.Status == MemberStatus.Enrolled),
                db.Set<CohortMember>().Count(m => m.CohortId == c.Id && m.Status == MemberStatus.Waitlisted)))
            .ToListAsync(ct);

    /// <summary>Refused by the rules or by the cohort's state (closed, full of the person already, no longer pending): nothing was saved.</summary>
    private static Result<Placements> Fail(params string[] errors) => Result<Placements>.From(Result.Conflict(errors));

    /// <summary>There is no such cohort (a 404 where the page names one).</summary>
    private static Result<Placements> Missing(string error) => Result<Placements>.From(new Result(ResultStatus.NotFound, [error], []));

    /// <summary>The person acting may not act for this person (not their team, their own request): a 403.</summary>
    private static Result<Placements> Refuse(string error) => Result<Placements>.From(Result.Forbidden(error));

    private async Task MailAsync(Person to, string template, params object[] args)
    {
        if (string.IsNullOrEmpty(to.Email))
        {
            return;
        }

        using (new CultureScope(ProgrammeOptions.IsSupported(to.Language) ? to.Language : "en"))
        {
            await outbox.QueueAsync(new OutboundEmail(to.Email, S[template + "Subject", args], S[template + "Body", [to.Name, .. args]]));
        }
    }
}
