using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Data;
using ChangeAgentAcademy.Outcomes.Resources;
using ChangeAgentAcademy.Outcomes.ViewModels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Outcomes.Services;

/// <summary>
/// The programme owner's numbers across every open cohort and team. A fixed number of queries whatever the number
/// of people: cohorts and their trainers, members, people's teams, then one call to each owning module for all
/// members at once (lessons read, assignment outcomes, hand-ins, supervision, workshops), certificates and rules;
/// the result is held for a few minutes (<see cref="ProgrammeSnapshotCache"/>) and the page says as of when.
/// Counts and times only; no person's name or text reaches this type. Groups under five are not broken down.
/// </summary>
public sealed class ProgrammePages(DbContext db, ICohortDirectory cohorts, CompletionFacts facts, IAssignmentOutcomes assignments, RuleStore rules, ProgrammeSnapshotCache cache, TimeProvider clock, IStringLocalizer<OutcomesText> S)
{
    public const int SmallestGroup = 5;
    public const int TeamsPerPage = 50;
    private const int MaxWeeks = 104;

    /// <summary>Everything the page and its CSV exports show, added up from the held snapshot (see <see cref="ProgrammeSnapshotCache"/>).</summary>
    public async Task<ProgrammeViewModel> PageAsync(Guid? trendCohort, int page, bool allTeams = false, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var snapshot = await cache.GetAsync(SnapshotAsync, ct: ct);
        return Add(snapshot, now, trendCohort, page, allTeams);
    }

    /// <summary>Builds a new snapshot and holds it (the refresh job).</summary>
    public Task<ProgrammeSnapshot> RefreshAsync(CancellationToken ct = default) => cache.GetAsync(SnapshotAsync, refresh: true, ct: ct);

    /// <summary>
    /// The fixed set of queries: open cohorts, members, people's teams, one call to each owning module for all members
    /// at once (lessons read, assignment outcomes, supervision, workshops, hand-ins), certificates and rules.
    /// </summary>
    private async Task<ProgrammeSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var taken = clock.GetUtcNow().UtcDateTime;
        var open = await cohorts.OpenCohortsAsync(ct);
        var members = open.Count == 0 ? [] : await cohorts.EnrolledMembersAsync(open.Select(c => c.Id).ToList(), ct);
        var people = members.Select(m => m.PersonId).Distinct().ToList();
        var teams = people.Count == 0
            ? []
            : await (from u in db.Set<AppUser>()
                     where EF.Parameter(people).Contains(u.Id)
                     join t in db.Set<Team>() on u.TeamId equals t.Id
                     select new { u.Id, TeamId = t.Id, t.Name }).ToListAsync(ct);
        var teamOf = teams.ToDictionary(t => t.Id, t => (t.TeamId, t.Name));
        var tracks = await facts.TracksAsync(ct);
        var set = people.Count == 0 ? new FactSet(new Dictionary<Guid, int>(), new Dictionary<Guid, AssignmentOutcome>(), new Dictionary<Guid, int>(), new Dictionary<Guid, IReadOnlyList<DateTime>>())
            : await facts.FetchAsync(people, tracks, ct);
        var handIns = (await assignments.HandInsAsync(people, ct)).ToLookup(h => h.PersonId);
        var certified = people.Count == 0
            ? []
            : (await db.Set<Certificate>().AsNoTracking().Where(c => c.RevokedUtc == null).Select(c => new { c.PersonId, c.Track }).ToListAsync(ct))
                .Select(c => (c.PersonId, c.Track)).ToHashSet();
        var ruleSets = await rules.AllAsync(ct);
        return Tally(taken, open, members, teamOf, tracks, set, handIns, certified, ruleSets);
    }

    /// <summary>Adds up every person once, at the snapshot's time, into the groups' rows (names of the fixed groups are set per request, in its language).</summary>
    private static ProgrammeSnapshot Tally(DateTime now, IReadOnlyList<CohortCadence> open, IReadOnlyList<(Guid CohortId, Guid PersonId)> members,
        Dictionary<Guid, (Guid TeamId, string Name)> teamOf, IReadOnlyDictionary<string, TrackTotals> tracks, FactSet set, ILookup<Guid, HandIn> handIns,
        IReadOnlySet<(Guid PersonId, string Track)> certified, IReadOnlyDictionary<string, RuleSet> ruleSets)
    {
        var byCohort = open.ToDictionary(c => c.Id);
        var total = new GroupTally();
        var cohortTallies = open.ToDictionary(c => c.Id, _ => new GroupTally());
        var teamTallies = new Dictionary<Guid, (string Name, GroupTally Tally)>();
        var noTeam = new GroupTally();
        var trend = new Dictionary<Guid, (int[] HandIns, int[] Reviews)>();
        foreach (var (cohortId, person) in members)
        {
            var cohort = byCohort[cohortId];
            var totals = tracks.GetValueOrDefault(cohort.Track) ?? new TrackTotals([], 0, 0);
            var mine = set.For(person, totals);
            var isComplete = CompletionRules.IsComplete(CompletionRules.Evaluate(ruleSets.GetValueOrDefault(cohort.Track) ?? RuleSet.Default, mine, now));
            var outcome = set.Outcomes.GetValueOrDefault(person);
            var hasCertificate = certified.Contains((person, cohort.Track));
            var personHandIns = handIns[person];
            total.Add(mine, outcome, personHandIns, isComplete, hasCertificate, now);
            cohortTallies[cohortId].Add(mine, outcome, personHandIns, isComplete, hasCertificate, now);
            if (teamOf.TryGetValue(person, out var team))
            {
                if (!teamTallies.TryGetValue(team.TeamId, out var entry))
                {
                    entry = (team.Name, new GroupTally());
                    teamTallies[team.TeamId] = entry;
                }

                entry.Tally.Add(mine, outcome, personHandIns, isComplete, hasCertificate, now);
            }
            else
            {
                noTeam.Add(mine, outcome, personHandIns, isComplete, hasCertificate, now);
            }

            if (!trend.TryGetValue(cohortId, out var weeks))
            {
                weeks = (new int[MaxWeeks], new int[MaxWeeks]);
                trend[cohortId] = weeks;
            }

            var start = cohort.StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            foreach (var h in personHandIns)
            {
                weeks.HandIns[Week(start, h.SubmittedUtc)]++;
                if (h.FirstReviewHours is { } hours)
                {
                    weeks.Reviews[Week(start, h.SubmittedUtc.AddHours(hours))]++;
                }
            }
        }

        // Teams under five people are added up together (and that sum, too, is shown only from five people).
        var small = new GroupTally();
        var smallCount = 0;
        var teamRows = new List<GroupRow>();
        foreach (var (id, (name, tally)) in teamTallies)
        {
            if (tally.Enrolled < SmallestGroup)
            {
                small.Add(tally);
                smallCount++;
            }
            else
            {
                teamRows.Add(tally.Row(id, name, SmallestGroup));
            }
        }

        if (noTeam.Enrolled > 0)
        {
            teamRows.Add(noTeam.Row(null, string.Empty, SmallestGroup));
        }

        return new ProgrammeSnapshot(now, open, total.Row(null, string.Empty, SmallestGroup),
            cohortTallies.ToDictionary(c => c.Key, c => c.Value.Row(c.Key, byCohort[c.Key].Name, SmallestGroup)),
            teamRows, noTeam.Enrolled > 0, smallCount > 0 ? small.Row(null, string.Empty, SmallestGroup) : null, smallCount, trend);
    }

    private ProgrammeViewModel Add(ProgrammeSnapshot snapshot, DateTime now, Guid? trendCohort, int page, bool allTeams)
    {
        var open = snapshot.Open;
        var byCohort = open.ToDictionary(c => c.Id);
        var trend = snapshot.Trend;
        var smallCount = snapshot.SmallTeamCount;

        // Named teams in the reader's order, then the people in no team.
        var named = snapshot.NoTeam ? snapshot.Teams.Take(snapshot.Teams.Count - 1) : snapshot.Teams;
        var teamRows = named.OrderBy(t => t.Name, StringComparer.CurrentCulture).ToList();
        if (snapshot.NoTeam)
        {
            teamRows.Add(snapshot.Teams[^1] with { Name = S["Programme.NoTeam"] });
        }

        var pages = Math.Max(1, (int)Math.Ceiling(teamRows.Count / (double)TeamsPerPage));
        page = Math.Clamp(page, 1, pages);
        var cohortRows = open.OrderByDescending(c => c.StartDate).ThenBy(c => c.Name, StringComparer.CurrentCulture)
            .Select(c => snapshot.Cohorts[c.Id]).ToList();

        // The trend: one cohort's weeks, or every cohort's weeks laid over each other (week 1 = each one's start).
        var scope = trendCohort is { } chosen && byCohort.ContainsKey(chosen) ? [chosen] : open.Select(c => c.Id).ToList();
        var scopeEnrolled = scope.Sum(id => snapshot.Cohorts[id].Enrolled);
        var lastWeek = scope.Select(id => Week(byCohort[id].StartDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), now)).DefaultIfEmpty(0).Max();
        var trendRows = Enumerable.Range(0, Math.Min(lastWeek + 1, MaxWeeks))
            .Select(w => new TrendRow(w + 1, scope.Sum(id => trend.TryGetValue(id, out var t) ? t.HandIns[w] : 0), scope.Sum(id => trend.TryGetValue(id, out var t) ? t.Reviews[w] : 0)))
            .ToList();
        var trendName = trendCohort is { } c2 && byCohort.TryGetValue(c2, out var one) ? one.Name : S["Programme.AllCohorts"].Value;

        return new ProgrammeViewModel(
            snapshot.Total with { Name = S["Programme.Whole"] },
            cohortRows,
            allTeams ? teamRows : teamRows.Skip((page - 1) * TeamsPerPage).Take(TeamsPerPage).ToList(),
            snapshot.SmallTeams is { } small ? small with { Name = S["Programme.SmallTeams", smallCount] } : null,
            smallCount,
            teamRows.Count,
            page,
            pages,
            trendRows,
            scopeEnrolled < SmallestGroup,
            trendCohort is { } c3 && byCohort.ContainsKey(c3) ? c3 : null,
            trendName,
            open.OrderBy(c => c.Name, StringComparer.CurrentCulture).Select(c => new CohortOption(c.Id, c.Name)).ToList(),
            snapshot.TakenUtc,
            cache.MaxAge);
    }

    /// <summary>0-based week of the cohort (clamped to the chart's range).</summary>
    private static int Week(DateTime startUtc, DateTime atUtc) => Math.Clamp((int)Math.Floor((atUtc - startUtc).TotalDays / 7), 0, MaxWeeks - 1);
}
