using System.Globalization;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>
/// Members' progress through their cohort: lessons done against what the cohort's calendar has opened, and
/// assignment counts. The one computation behind the leader's team page and the trainer's cohort page.
/// A leader's teams with each member's cohort and progress: five queries whatever the team size (teams with
/// members and their cohorts, the content generation, lessons done, assignment counts, completion status; pending
/// requests ride along with the first). Status only: this type has no way to reach anyone's writing, and completion
/// comes as counts and a yes/no (<see cref="ICompletionStatus"/>).
/// </summary>
public sealed class TeamProgress(DbContext db, TimeProvider clock, IProgrammeOutline outline, IAssignmentProgress assignments, ICompletionStatus completion)
{
    public async Task<IReadOnlyList<TeamRow>> ForLeaderAsync(Guid leaderId, CancellationToken ct = default) =>
        (await ForLeaderWithRequestsAsync(leaderId, ct)).Teams;

    public async Task<(IReadOnlyList<TeamRow> Teams, IReadOnlyList<PendingRequestRow> Requests)> ForLeaderWithRequestsAsync(Guid leaderId, CancellationToken ct = default)
    {
        // One flat query of left joins over base tables, so every step can use an index (nested
        // projections became ROW_NUMBER() windows over every membership in the site: 0.1 s a page at
        // 10,000 trainees). Pending requests ride along, which keeps the page at four queries.
        var flat = await (from x in db.Set<Team>().AsNoTracking()
                          where x.LeaderId == leaderId
                          join u in db.Set<AppUser>() on x.Id equals u.TeamId into members
                          from u in members.DefaultIfEmpty()
                          join m in db.Set<CohortMember>().Where(m => m.Status != MemberStatus.Withdrawn) on u.Id equals m.UserId into places
                          from m in places.DefaultIfEmpty()
                          join c in db.Set<Cohort>() on m.CohortId equals c.Id into cohorts
                          from c in cohorts.DefaultIfEmpty()
                          join r in db.Set<EnrolmentRequest>().Where(r => r.Status == RequestStatus.Pending) on u.Id equals r.UserId into asked
                          from r in asked.DefaultIfEmpty()
                          join rc in db.Set<Cohort>() on r.CohortId equals rc.Id into requestCohorts
                          from rc in requestCohorts.DefaultIfEmpty()
                          select new
                          {
                              TeamId = x.Id,
                              TeamName = x.Name,
                              UserId = (Guid?)u.Id,
                              u.DisplayName,
                              u.Email,
                              CohortId = (Guid?)c.Id,
                              CohortName = c.Name,
                              StartDate = (DateOnly?)c.StartDate,
                              Track = (CohortTrack?)c.Track,
                              CadenceWeeks = (int?)c.CadenceWeeks,
                              CadenceDay = (DayOfWeek?)c.CadenceDay,
                              ReleaseTime = (TimeOnly?)c.ReleaseTime,
                              c.TimeZone,
                              Membership = (MemberStatus?)m.Status,
                              CohortStatus = (CohortStatus?)c.Status,
                              RequestId = (Guid?)r.Id,
                              RequestedUtc = (DateTime?)r.RequestedUtc,
                              RequestCohort = rc.Name,
                          }).ToListAsync(ct);

        var teams = flat.GroupBy(f => (f.TeamId, f.TeamName)).OrderBy(g => g.Key.TeamName).Select(g => new
        {
            Id = g.Key.TeamId,
            Name = g.Key.TeamName,
            Members = g.Where(f => f.UserId is not null).GroupBy(f => f.UserId!.Value).Select(p => new
            {
                Id = p.Key,
                p.First().DisplayName,
                p.First().Email,
                Cohorts = p.Where(f => f.CohortId is not null).DistinctBy(f => f.CohortId).Select(f => new
                {
                    Id = f.CohortId!.Value, Name = f.CohortName!, StartDate = f.StartDate!.Value, Track = f.Track!.Value, CadenceWeeks = f.CadenceWeeks!.Value,
                    CadenceDay = f.CadenceDay!.Value, ReleaseTime = f.ReleaseTime!.Value, TimeZone = f.TimeZone!, Status = f.Membership!.Value, Open = f.CohortStatus == CohortStatus.Open,
                }).ToList(),
                Requests = p.Where(f => f.RequestId is not null).DistinctBy(f => f.RequestId).Select(f => new { Id = f.RequestId!.Value, Name = f.RequestCohort!, RequestedUtc = f.RequestedUtc!.Value }).ToList(),
            }).OrderBy(mm => mm.DisplayName).ToList(),
        }).ToList();

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var trainee = await outline.ModulesAsync(ProgressRules.TrackName(CohortTrack.Trainee), language, ct);
        var leader = await outline.ModulesAsync(ProgressRules.TrackName(CohortTrack.Leader), language, ct);
        var people = teams.SelectMany(x => x.Members).Select(m => m.Id).ToList();
        var keys = trainee.Concat(leader).SelectMany(m => m.LessonKeys).Distinct().ToList();
        var done = await outline.LessonsDoneAsync(people, keys, ct);
        var counts = await assignments.CountsAsync(people, ct);
        var completed = (await completion.ForPeopleAsync(people, ct)).ToDictionary(c => (c.PersonId, c.Track));
        var now = clock.GetUtcNow().UtcDateTime;

        var requests = teams.SelectMany(x => x.Members).SelectMany(m => m.Requests.Select(r => new PendingRequestRow(r.Id, m.DisplayName, r.Name, r.RequestedUtc)))
            .OrderBy(r => r.RequestedUtc).ToList();
        var views = teams.Select(x => new TeamRow(x.Id, x.Name, x.Members.Select(m =>
        {
            // The running cohort (one per track, see EnrolmentService) before ended ones, as on every other page.
            var cohort = m.Cohorts.OrderByDescending(c => c.Open).ThenByDescending(c => c.StartDate).FirstOrDefault();
            if (cohort is null)
            {
                return new TeamMemberRow(m.Id, m.DisplayName, m.Email ?? "", null, null, null, null, 0, 0, null);
            }

            var modules = cohort.Track == CohortTrack.Leader ? leader : trainee;
            var releases = Releases(cohort.StartDate, cohort.CadenceWeeks, cohort.CadenceDay, cohort.ReleaseTime, cohort.TimeZone, modules);
            var a = counts.GetValueOrDefault(m.Id);
            var (d, total, status) = Measure(modules, releases, cohort.Status, done.GetValueOrDefault(m.Id), a, now);
            return new TeamMemberRow(m.Id, m.DisplayName, m.Email ?? "", cohort.Id, cohort.Name, cohort.StartDate, cohort.Status, d, total, status, a,
                completed.GetValueOrDefault((m.Id, ProgressRules.TrackName(cohort.Track))));
        }).ToList())).ToList();
        return (views, requests);
    }

    /// <summary>
    /// One cohort's members (not withdrawn) with their progress, the cohort's module calendar, and how much
    /// assignment work waits for review, and each member's completion status: four calls to the curriculum, reflections
    /// and outcomes whatever the size.
    /// </summary>
    internal async Task<(IReadOnlyList<MemberRow> Members, IReadOnlyList<CalendarRow> Calendar, int WaitingForReview)> ForCohortAsync(
        Cohort cohort, IReadOnlyList<(Guid UserId, string Name, string? Team, MemberStatus Status)> members, CancellationToken ct = default)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var modules = await outline.ModulesAsync(ProgressRules.TrackName(cohort.Track), language, ct);
        var releases = Releases(cohort.StartDate, cohort.CadenceWeeks, cohort.CadenceDay, cohort.ReleaseTime, cohort.TimeZone, modules);
        var people = members.Select(m => m.UserId).ToList();
        var done = await outline.LessonsDoneAsync(people, modules.SelectMany(m => m.LessonKeys).ToList(), ct);
        // Counts only (never content), and what waits for review, from the Reflections module when it is on.
        var counts = await assignments.CountsAsync(people, ct);
        var track = ProgressRules.TrackName(cohort.Track);
        var completed = (await completion.ForPeopleAsync(people, ct)).Where(c => c.Track == track).ToDictionary(c => c.PersonId);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = members.Select(m =>
        {
            var a = counts.GetValueOrDefault(m.UserId);
            var (d, total, status) = Measure(modules, releases, m.Status, done.GetValueOrDefault(m.UserId), a, now);
            return new MemberRow(m.UserId, m.Name, m.Team, m.Status, d, total, status, a, completed.GetValueOrDefault(m.UserId));
        }).ToList();
        var calendar = releases.Select((r, i) => new CalendarRow(r, modules.ElementAtOrDefault(i)?.Title)).ToList();
        return (rows, calendar, counts.Values.Sum(c => c.Waiting));
    }

    /// <summary>The cohort's module releases: one per module of its track, or the programme's seven while no curriculum is published.</summary>
    private static IReadOnlyList<ModuleRelease> Releases(DateOnly start, int cadenceWeeks, DayOfWeek cadenceDay, TimeOnly releaseTime, string timeZone, IReadOnlyList<OutlineModule> modules) =>
        CohortCalendar.Releases(start, cadenceWeeks, cadenceDay, releaseTime, timeZone, modules.Count > 0 ? modules.Count : ProgressRules.ModulesWithoutCurriculum);

    /// <summary>Lessons done (never more than the track has: lessons read in another track do not count twice), the track's total, and the status.</summary>
    private static (int Done, int Total, ProgressStatus Status) Measure(
        IReadOnlyList<OutlineModule> modules, IReadOnlyList<ModuleRelease> releases, MemberStatus membership, int done, AssignmentCounts? assignments, DateTime now)
    {
        var total = modules.Sum(m => m.LessonKeys.Count);
        var expected = ProgressRules.Expected(modules, CohortCalendar.ReleasedBy(releases, now));
        var capped = Math.Min(done, total);
        return (capped, total, ProgressRules.Status(membership, capped, total, expected, assignments?.Overdue ?? 0));
    }
}
