using System.Globalization;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Cohorts.Services;

/// <summary>
/// A leader's teams with each member's cohort and progress. Status only: this type has no way to reach
/// anyone's writing. Four queries whatever the team size: teams with members and their cohorts,
/// the content generation, lessons done, pending requests.
/// </summary>
public sealed class TeamProgress(AppDbContext db, TimeProvider clock, IProgrammeOutline? outline = null)
{
    public async Task<IReadOnlyList<TeamView>> ForLeaderAsync(Guid leaderId, CancellationToken ct = default) =>
        (await ForLeaderWithRequestsAsync(leaderId, ct)).Teams;

    public async Task<(IReadOnlyList<TeamView> Teams, IReadOnlyList<PendingRequest> Requests)> ForLeaderWithRequestsAsync(Guid leaderId, CancellationToken ct = default)
    {
        var teams = await db.Teams.AsNoTracking()
            .Where(x => x.LeaderId == leaderId)
            .OrderBy(x => x.Name)
            .Select(x => new
            {
                x.Id,
                x.Name,
                Members = db.Users.Where(u => u.TeamId == x.Id).OrderBy(u => u.DisplayName).Select(u => new
                {
                    u.Id,
                    u.DisplayName,
                    u.Email,
                    Cohort = (from m in db.Set<CohortMember>()
                              join c in db.Set<Cohort>() on m.CohortId equals c.Id
                              where m.UserId == u.Id && m.Status != MemberStatus.Withdrawn
                              orderby c.StartDate descending
                              select new { c.Id, c.Name, c.StartDate, c.Track, c.CadenceWeeks, c.CadenceDay, c.ReleaseTime, c.TimeZone, m.Status }).FirstOrDefault(),
                    // Pending requests come in the same query: the page stays at four queries.
                    Requests = (from r in db.Set<EnrolmentRequest>()
                                join c in db.Set<Cohort>() on r.CohortId equals c.Id
                                where r.UserId == u.Id && r.Status == RequestStatus.Pending
                                select new { r.Id, c.Name, r.RequestedUtc }).ToList(),
                }).ToList(),
            })
            .ToListAsync(ct);

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var trainee = outline is null ? [] : await outline.ModulesAsync("trainee", language, ct);
        var leader = outline is null ? [] : await outline.ModulesAsync("leader", language, ct);
        var people = teams.SelectMany(x => x.Members).Select(m => m.Id).ToList();
        var keys = trainee.Concat(leader).SelectMany(m => m.LessonKeys).Distinct().ToList();
        var done = outline is null ? new Dictionary<Guid, int>() : await outline.LessonsDoneAsync(people, keys, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var requests = teams.SelectMany(x => x.Members).SelectMany(m => m.Requests.Select(r => new PendingRequest(r.Id, m.DisplayName, r.Name, r.RequestedUtc)))
            .OrderBy(r => r.RequestedUtc).ToList();
        var views = teams.Select(x => new TeamView(x.Id, x.Name, x.Members.Select(m =>
        {
            if (m.Cohort is null)
            {
                return new TeamMemberRow(m.Id, m.DisplayName, m.Email ?? "", null, null, null, null, 0, 0, null);
            }

            var modules = m.Cohort.Track == CohortTrack.Leader ? leader : trainee;
            var total = modules.Sum(mod => mod.LessonKeys.Count);
            var releases = CohortCalendar.Releases(m.Cohort.StartDate, m.Cohort.CadenceWeeks, m.Cohort.CadenceDay, m.Cohort.ReleaseTime, m.Cohort.TimeZone, Math.Max(1, modules.Count));
            var expected = ProgressRules.Expected(modules, CohortCalendar.ReleasedBy(releases, now));
            var d = Math.Min(done.GetValueOrDefault(m.Id), total);
            return new TeamMemberRow(m.Id, m.DisplayName, m.Email ?? "", m.Cohort.Id, m.Cohort.Name, m.Cohort.StartDate, m.Cohort.Status, d, total, ProgressRules.Status(m.Cohort.Status, d, total, expected));
        }).ToList())).ToList();
        return (views, requests);
    }
}
