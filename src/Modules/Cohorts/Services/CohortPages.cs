using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>
/// Reading for the cohort pages (list, cohort, form, enrol, team) and the start page panels. What a person may
/// see is decided by the caller's permissions, passed in: a trainer sees the cohorts they run, <c>ViewAll</c> the rest.
/// </summary>
public sealed class CohortPages(DbContext db, TeamProgress progress, EnrolmentService enrolment, ProgrammeTime time)
{
    /// <summary>The cohorts the person may see, the latest start first, with their enrolled count.</summary>
    public async Task<IReadOnlyList<CohortRow>> ListAsync(Guid me, bool seesAll, int? take = null, CancellationToken ct = default)
    {
        var visible = Visible(me, seesAll).OrderByDescending(c => c.StartDate).AsQueryable();
        if (take is { } n)
        {
            visible = visible.Take(n);
        }

        return await visible
            .Select(c => new CohortRow(c.Id, c.Name, c.StartDate, c.Track, c.Status,
                db.Set<CohortMember>().Count(m => m.CohortId == c.Id && m.Status == MemberStatus.Enrolled), c.Capacity))
            .ToListAsync(ct);
    }

    /// <summary>The trainer's cohort view: calendar, members, their progress and completion status (<see cref="TeamProgress"/>). Five queries for any cohort size.</summary>
    public async Task<Result<CohortDetailsViewModel>> DetailsAsync(Guid id, Guid me, bool seesAll, bool mayManage, CancellationToken ct = default)
    {
        var cohort = await db.Set<Cohort>().AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                Cohort = c,
                Trainers = (from tr in db.Set<CohortTrainer>() join u in db.Set<AppUser>() on tr.UserId equals u.Id where tr.CohortId == c.Id orderby u.DisplayName select new { u.Id, u.DisplayName }).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (cohort is null)
        {
            return Result<CohortDetailsViewModel>.From(Result.NotFound());
        }

        // Data scope: a trainer sees the cohorts they run; only ViewAll sees the rest.
        var runsIt = cohort.Trainers.Any(x => x.Id == me);
        if (!runsIt && !seesAll)
        {
            return Result<CohortDetailsViewModel>.From(Result.Forbidden());
        }

        var c = cohort.Cohort;
        var members = await (from m in db.Set<CohortMember>()
                             join u in db.Set<AppUser>() on m.UserId equals u.Id
                             where m.CohortId == id && m.Status != MemberStatus.Withdrawn
                             orderby m.Status, u.DisplayName
                             select new { m.UserId, u.DisplayName, Team = db.Set<Team>().Where(x => x.Id == u.TeamId).Select(x => x.Name).FirstOrDefault(), m.Status }).ToListAsync(ct);
        var (rows, calendar, waiting) = await progress.ForCohortAsync(c, members.Select(m => (m.UserId, m.DisplayName, (string?)m.Team, m.Status)).ToList(), ct);
        return Result<CohortDetailsViewModel>.Success(new CohortDetailsViewModel(c.Id, c.Name, c.Language, c.Track, c.Status, c.StartDate, c.CadenceWeeks, c.CadenceDay, c.ReleaseTime, c.TimeZone,
            c.Capacity, cohort.Trainers.Select(x => x.DisplayName).ToList(), rows, calendar, mayManage && (seesAll || runsIt), waiting));
    }

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct = default) => db.Set<Cohort>().AnyAsync(c => c.Id == id, ct);

    /// <summary>Whether the person, who holds <c>Cohorts.Manage</c> (<paramref name="mayManage"/>), may change this cohort: all of them with ViewAll, else those they run.</summary>
    public async Task<bool> CanManageAsync(Guid cohortId, Guid me, bool mayManage, bool seesAll, CancellationToken ct = default) =>
        mayManage && (seesAll || await db.Set<CohortTrainer>().AnyAsync(x => x.CohortId == cohortId && x.UserId == me, ct));

    /// <summary>A new cohort's form: starts in two weeks, in the programme's time zone, run by the person creating it.</summary>
    public Task<CohortFormViewModel> NewFormAsync(Guid me, CancellationToken ct = default) =>
        WithTrainersAsync(new CohortFormViewModel { StartDate = time.Today.AddDays(14), TimeZone = time.Zone.Id, TrainerIds = [me] }, ct);

    /// <summary>The form filled from the cohort, or null when there is none.</summary>
    public async Task<CohortFormViewModel?> EditFormAsync(Guid id, CancellationToken ct = default)
    {
        var cohort = await db.Set<Cohort>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (cohort is null)
        {
            return null;
        }

        var model = new CohortFormViewModel
        {
            Id = id, Name = cohort.Name, Language = cohort.Language, Track = cohort.Track, StartDate = cohort.StartDate, CadenceWeeks = cohort.CadenceWeeks,
            CadenceDay = cohort.CadenceDay, ReleaseTime = cohort.ReleaseTime, TimeZone = cohort.TimeZone, Capacity = cohort.Capacity, Status = cohort.Status,
            TrainerIds = await db.Set<CohortTrainer>().Where(x => x.CohortId == id).Select(x => x.UserId).ToListAsync(ct),
        };
        return await WithTrainersAsync(model, ct);
    }

    /// <summary>Fills the form's list of people who may be chosen as trainers.</summary>
    public async Task<CohortFormViewModel> WithTrainersAsync(CohortFormViewModel model, CancellationToken ct = default)
    {
        var ids = TrainerIds(db);
        model.Trainers = await db.Set<AppUser>().AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new TrainerOption(u.Id, u.DisplayName)).ToListAsync(ct);
        return model;
    }

    /// <summary>For the removal's question: the cohort's name (null when there is no such cohort) and the member's (null when not a member).</summary>
    public async Task<(string? Cohort, string? Person)> RemovalAsync(Guid cohortId, Guid personId, CancellationToken ct = default)
    {
        var cohortName = await db.Set<Cohort>().Where(c => c.Id == cohortId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (cohortName is null)
        {
            return (null, null);
        }

        var name = await (from m in db.Set<CohortMember>()
                          join u in db.Set<AppUser>() on m.UserId equals u.Id
                          where m.CohortId == cohortId && m.UserId == personId && m.Status != MemberStatus.Withdrawn
                          select u.DisplayName).FirstOrDefaultAsync(ct);
        return (cohortName, name);
    }

    /// <summary>A participant's page: open cohorts, their places (with their waiting-list position) and their last ten requests.</summary>
    public async Task<EnrolViewModel> EnrolAsync(Guid me, CancellationToken ct = default)
    {
        var open = await enrolment.OpenCohortsAsync(ct);
        var places = await (from m in db.Set<CohortMember>()
                            join c in db.Set<Cohort>() on m.CohortId equals c.Id
                            where m.UserId == me && m.Status != MemberStatus.Withdrawn
                            select new MyPlaceRow(c.Id, c.Name, m.Status,
                                m.Status == MemberStatus.Waitlisted
                                    ? db.Set<CohortMember>().Count(o => o.CohortId == c.Id && o.Status == MemberStatus.Waitlisted && o.EnrolledUtc < m.EnrolledUtc) + 1
                                    : null)).ToListAsync(ct);
        var requests = await (from r in db.Set<EnrolmentRequest>()
                              join c in db.Set<Cohort>() on r.CohortId equals c.Id
                              where r.UserId == me
                              orderby r.RequestedUtc descending
                              select new MyRequestRow(c.Name, r.Status, r.Message)).Take(10).ToListAsync(ct);
        return new EnrolViewModel(open, places, requests);
    }

    /// <summary>The name of the cohort where the person holds a place (or waits), or null.</summary>
    public Task<string?> OwnPlaceAsync(Guid cohortId, Guid me, CancellationToken ct = default) =>
        (from m in db.Set<CohortMember>()
         join c in db.Set<Cohort>() on m.CohortId equals c.Id
         where m.CohortId == cohortId && m.UserId == me && m.Status != MemberStatus.Withdrawn
         select c.Name).FirstOrDefaultAsync(ct);

    /// <summary>A leader's page: their teams with progress, the open cohorts, the requests waiting for them.</summary>
    public Task<TeamViewModel> TeamAsync(Guid leaderId, CancellationToken ct = default) =>
        db.OnOneConnectionAsync(async () =>
        {
            var (teams, requests) = await progress.ForLeaderWithRequestsAsync(leaderId, ct);
            return new TeamViewModel(teams, await enrolment.OpenCohortsAsync(ct), requests);
        }, ct);

    /// <summary>For the withdrawal's question: the person's and the cohort's names when the person is in one of the leader's teams and holds a place, else null.</summary>
    public async Task<(string Person, string Cohort)?> TeamPlaceAsync(Guid cohortId, Guid personId, Guid leaderId, CancellationToken ct = default)
    {
        var place = await (from m in db.Set<CohortMember>()
                           join c in db.Set<Cohort>() on m.CohortId equals c.Id
                           join u in db.Set<AppUser>() on m.UserId equals u.Id
                           join team in db.Set<Team>() on u.TeamId equals team.Id
                           where m.CohortId == cohortId && m.UserId == personId && m.Status != MemberStatus.Withdrawn && team.LeaderId == leaderId
                           select new { Person = u.DisplayName, Cohort = c.Name }).FirstOrDefaultAsync(ct);
        return place is null ? null : (place.Person, place.Cohort);
    }

    /// <summary>The start page panel: a trainee's cohort, a trainer's cohorts, a leader's team size.</summary>
    public async Task<CohortsPanelViewModel> PanelAsync(Guid me, bool seesCohorts, bool seesAll, bool isLeader, CancellationToken ct = default)
    {
        var running = seesCohorts ? await ListAsync(me, seesAll, take: 5, ct) : [];
        // The reader's own cohort and its trainers' names in one query (issue #18: it was two).
        var own = await (from m in db.Set<CohortMember>()
                         join c in db.Set<Cohort>().AsNoTracking() on m.CohortId equals c.Id
                         where m.UserId == me && m.Status != MemberStatus.Withdrawn
                         orderby c.StartDate descending
                         select new
                         {
                             Row = new CohortRow(c.Id, c.Name, c.StartDate, c.Track, c.Status, 0, c.Capacity),
                             Trainers = (from t in db.Set<CohortTrainer>()
                                         join u in db.Set<AppUser>() on t.UserId equals u.Id
                                         where t.CohortId == c.Id
                                         orderby u.DisplayName
                                         select u.DisplayName).ToList(),
                         }).FirstOrDefaultAsync(ct);
        var mine = own?.Row;
        IReadOnlyList<string> myTrainers = own is null ? [] : own.Trainers;
        var teamMembers = isLeader
            ? await db.Set<AppUser>().CountAsync(u => u.TeamId != null && db.Set<Team>().Any(t => t.Id == u.TeamId && t.LeaderId == me), ct)
            : 0;
        return new CohortsPanelViewModel(running, mine, myTrainers, teamMembers, isLeader, seesAll);
    }

    /// <summary>Start page, for leaders: enrolment requests from the people in their teams, oldest first. One query.</summary>
    public async Task<IReadOnlyList<RequestsPanelRow>> RequestsPanelAsync(Guid me, CancellationToken ct = default)
    {
        var pending = from r in db.Set<EnrolmentRequest>()
                      join u in db.Set<AppUser>() on r.UserId equals u.Id
                      where r.Status == RequestStatus.Pending && u.Id != me && db.Set<Team>().Any(t => t.Id == u.TeamId && t.LeaderId == me)
                      select new { r, u.DisplayName };
        return await (from x in pending
                      join c in db.Set<Cohort>() on x.r.CohortId equals c.Id
                      orderby x.r.RequestedUtc
                      select new RequestsPanelRow(x.DisplayName, c.Name, x.r.RequestedUtc, pending.Count()))
            .Take(5).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>People holding the trainer role.</summary>
    internal static IQueryable<Guid> TrainerIds(DbContext db) =>
        from ur in db.Set<IdentityUserRole<Guid>>() join r in db.Set<AppRole>() on ur.RoleId equals r.Id where r.Name == Roles.Trainer select ur.UserId;

    private IQueryable<Cohort> Visible(Guid me, bool seesAll)
    {
        var cohorts = db.Set<Cohort>().AsNoTracking();
        return seesAll ? cohorts : cohorts.Where(c => db.Set<CohortTrainer>().Any(x => x.CohortId == c.Id && x.UserId == me));
    }
}
