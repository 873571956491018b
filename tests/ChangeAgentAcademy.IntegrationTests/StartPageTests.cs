using System.Globalization;
using System.Text.RegularExpressions;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Cohorts.Services;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using ChangeAgentAcademy.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>Each role's start page says what to do next, from that person's own data only; on SQLite and PostgreSQL, with a fake clock.</summary>
public abstract class StartPageTests<TSite>(TSite site) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private static string Local(DateTime utc, string culture) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, Zone).ToString("d MMM yyyy HH:mm", CultureInfo.GetCultureInfo(culture));

    private static Task<SiteClient> AsAsync(SiteFactory site, AppUser person) => SiteClient.SignedInAsync(site, person.Email!, SiteClient.TestPassword);

    private async Task<TestCohort> ReleasedAsync(int trainees, string language = "en")
    {
        var cohort = await site.CohortAsync(trainees, language: language);
        site.MoveTo(cohort.FirstReleaseUtc.AddMinutes(1));
        await site.DispatchAsync();
        return cohort;
    }

    private async Task RenameAsync(AppUser person, string name)
    {
        await site.WithScopeAsync((_, db) => db.Users.Where(u => u.Id == person.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, name)));
        person.DisplayName = name;
    }

    private Task<AssignmentWork> ReflectionOfAsync(TestCohort cohort, AppUser person) =>
        site.WithScopeAsync((_, db) => db.Set<AssignmentWork>().FirstAsync(w => w.CohortId == cohort.Id && w.UserId == person.Id && w.LessonKey.EndsWith("/reflection")));

    private Task HandInAsync(AssignmentWork work, string text) =>
        site.WithScopeAsync(async (sp, db) =>
        {
            var row = await db.Set<AssignmentWork>().FirstAsync(w => w.Id == work.Id);
            var result = await sp.GetRequiredService<WorkService>().SubmitAsync(row, text, Guid.NewGuid().ToString("N"), confirmed: true, row.UserId);
            Assert.Equal(SubmitStep.Submitted, result.Value?.Step);
        });

    private Task ReviewAsync(AssignmentWork work, TestCohort cohort, ReviewDecision decision, string feedback) =>
        site.WithScopeAsync(async (sp, db) =>
        {
            var row = await db.Set<AssignmentWork>().FirstAsync(w => w.Id == work.Id);
            var rubric = await sp.GetRequiredService<IProgrammeOutline>().RubricAsync(row.LessonKey, "en");
            var marks = rubric?.Criteria.ToDictionary(c => c.Id, _ => (string?)"2");
            Assert.Equal(ResultStatus.Ok, (await sp.GetRequiredService<ReviewService>().ReviewAsync(row, row.Versions, decision, feedback, marks, cohort.Trainer.Id)).Status);
        });

    [Fact]
    public async Task Trainee_SeesOwnDueAssignmentWithDate_AndOnlyOwnFeedback()
    {
        var cohort = await ReleasedAsync(2);
        var mine = await ReflectionOfAsync(cohort, cohort.Trainees[0]);
        var peersWork = await ReflectionOfAsync(cohort, cohort.Trainees[1]);
        await HandInAsync(peersWork, "Peer text Marker-s1a: what I noticed.");
        await ReviewAsync(peersWork, cohort, ReviewDecision.Accepted, "Peer feedback Marker-s1b.");

        var page = await (await AsAsync(site, cohort.Trainees[0])).GetStringAsync("/");
        var peer = await (await AsAsync(site, cohort.Trainees[1])).GetStringAsync("/");

        Assert.Contains("What to hand in next", page);
        Assert.Contains($"href=\"/reflections/{mine.Id}\"", page);
        Assert.Contains("Authority and co-creation", page);
        Assert.Contains("due " + Local(mine.DueUtc, "en-GB"), page);
        Assert.Contains("Handed in: 0 of 2 open assignments", page);
        Assert.Contains("No feedback yet", page);
        // Never another person's work, text or feedback.
        Assert.DoesNotContain($"/reflections/{peersWork.Id}\"", page);
        Assert.DoesNotContain("Marker-s1", page);
        Assert.DoesNotContain("Marker-s1", peer);
        Assert.Contains("Handed in: 1 of 2 open assignments", peer);
        Assert.Contains($"href=\"/reflections/{peersWork.Id}\"", peer);
        Assert.Contains("accepted " + Local(site.Clock.GetUtcNow().UtcDateTime, "en-GB")[..^6], peer);
    }

    [Fact]
    public async Task Trainee_ReadingSwedish_SeesTheDueDateInSwedish()
    {
        var cohort = await ReleasedAsync(1, "sv");
        var mine = await ReflectionOfAsync(cohort, cohort.Trainees[0]);

        var page = await (await AsAsync(site, cohort.Trainees[0])).GetStringAsync("/");

        Assert.Contains("Det här lämnar du in härnäst", page);
        Assert.Contains("sista dag " + Local(mine.DueUtc, "sv"), page);
    }

    [Fact]
    public async Task Trainer_SeesOldestWaitingReviewFirst_WithDaysWaited_OtherTrainerSeesNone()
    {
        var cohort = await ReleasedAsync(3);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await RenameAsync(cohort.Trainees[0], "Alma Newer " + tag);
        await RenameAsync(cohort.Trainees[1], "Zelda Older " + tag);
        await HandInAsync(await ReflectionOfAsync(cohort, cohort.Trainees[1]), "First hand-in.");
        site.MoveTo(site.Clock.GetUtcNow().UtcDateTime.AddDays(2));
        await HandInAsync(await ReflectionOfAsync(cohort, cohort.Trainees[0]), "Second hand-in.");
        site.MoveTo(site.Clock.GetUtcNow().UtcDateTime.AddDays(1));
        var other = await site.CohortAsync(1);

        var page = await (await AsAsync(site, cohort.Trainer)).GetStringAsync("/");
        var otherPage = await (await AsAsync(site, other.Trainer)).GetStringAsync("/");

        Assert.Contains("Hand-ins waiting for you", page);
        var older = page.IndexOf("Zelda Older " + tag, StringComparison.Ordinal);
        var newer = page.IndexOf("Alma Newer " + tag, StringComparison.Ordinal);
        Assert.True(older > 0 && newer > older, "the oldest hand-in comes first");
        Assert.Contains("waiting 3 days", page);
        Assert.Contains("waiting 1 day", page);
        Assert.Contains("All hand-ins (2 waiting)", page);
        Assert.DoesNotContain(tag, otherPage);
        Assert.Contains("No hand-ins are waiting for you", otherPage);
    }

    [Fact]
    public async Task Leader_SeesPendingRequestAndTeamStatus_NeverWhatWasWritten_OtherLeaderSeesNothing()
    {
        var cohort = await ReleasedAsync(2);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await RenameAsync(cohort.Trainees[0], "Wilma Writer " + tag);
        await RenameAsync(cohort.Trainees[1], "Rasmus Requester " + tag);
        var work = await ReflectionOfAsync(cohort, cohort.Trainees[0]);
        await HandInAsync(work, "Private reflection Marker-l7x: my colleague and I disagreed.");
        await ReviewAsync(work, cohort, ReviewDecision.RevisionRequested, "Private feedback Marker-l7y.");
        var target = Guid.NewGuid();
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.WithScopeAsync(async (_, db) =>
        {
            db.Set<Cohort>().Add(new Cohort
            {
                Id = target, Name = "Autumn cohort " + tag, Track = CohortTrack.Trainee, Status = CohortStatus.Open, Capacity = 10,
                StartDate = DateOnly.FromDateTime(now).AddDays(60), CadenceWeeks = 2, CadenceDay = DayOfWeek.Tuesday, Language = "en", CreatedUtc = now,
            });
            db.Set<EnrolmentRequest>().Add(new EnrolmentRequest { Id = Guid.NewGuid(), CohortId = target, UserId = cohort.Trainees[1].Id, Status = RequestStatus.Pending, RequestedUtc = now });
            await db.SaveChangesAsync();
        });
        var other = await site.CohortAsync(1);

        var page = await (await AsAsync(site, cohort.Leader)).GetStringAsync("/");
        var otherPage = await (await AsAsync(site, other.Leader)).GetStringAsync("/");

        Assert.Contains("Requests to decide", page);
        Assert.Contains("Rasmus Requester " + tag, page);
        Assert.Contains("Autumn cohort " + tag, page);
        Assert.Contains("Decide the requests (1)", page);
        Assert.Contains("Your team&#x27;s assignments", page);
        Assert.Contains("Wilma Writer " + tag, page);
        Assert.Contains("revision asked for", page);
        Assert.DoesNotContain("Marker-l7", page);
        Assert.DoesNotContain(tag, otherPage);
        Assert.Contains("No requests wait for you", otherPage);
    }

    [Fact]
    public async Task StartPage_EachRole_StaysWithinItsQueryBudget()
    {
        var cohort = await ReleasedAsync(2);
        await HandInAsync(await ReflectionOfAsync(cohort, cohort.Trainees[0]), "A hand-in.");
        // Home 1, each panel 1-2 (cohort, lessons, own work, supervision, workshops, requests, team status, reviews),
        // and at most one session check: a node forgets the sessions it checked when any session in the site ends
        // (the setup's role grants end some), and the next page of each person checks theirs again.
        // The completion panel (#17) adds 4 for a trainee in a cohort under the default rules (rules, lessons, assignments, certificate: the
        // placement is read once per request for every panel, and supervision and workshops are asked only when a rule counts them, #18)
        // and none for a leader who is not in one (the placement the other panels read already says so). 16 for the trainee before #18.
        // The trainee's completed lessons are read once for the learn and completion panels, and their cohort with its trainers
        // in one query (13 -> 11 without the session check, #18).
        var budgets = new (AppUser Person, int Budget, string Panel)[]
        {
            (cohort.Trainees[0], 7 + 4 + 1, "id=\"my-work-panel\""), (cohort.Trainer, 8 + 1, "id=\"review-panel\""), (cohort.Leader, 11 + 1, "id=\"requests-panel\""),
        };
        var measured = new List<string>();
        foreach (var (person, budget, panel) in budgets)
        {
            var client = await AsAsync(site, person);
            await client.GetAsync("/");
            site.Queries.Reset();
            var page = await client.GetStringAsync("/");
            var queries = site.Queries.For("/");
            measured.Add($"{person.Email}: {queries}");
            Assert.Contains(panel, page);
            Assert.Contains("id=\"supervision-panel\"", page);
            Assert.True(queries <= budget, $"{queries} queries for {person.Email}, budget {budget}:\n" + string.Join("\n", site.Queries.TextsFor("/")));
        }

        Console.WriteLine("start page queries: " + string.Join(", ", measured));
    }

    [Fact]
    public async Task Trainee_MarksALessonDoneAndHandsIn_TheNextStartPageShowsBoth()
    {
        var cohort = await ReleasedAsync(1);
        var client = await AsAsync(site, cohort.Trainees[0]);
        var before = await client.GetStringAsync("/");
        var next = Regex.Match(before, "href=\"(/learn/[^\"]+)\">Continue").Groups[1].Value;
        Assert.StartsWith("/learn/", next);

        await client.PostFormAsync(next, next + "/done", new() { ["done"] = "true" });
        var afterLesson = await client.GetStringAsync("/");
        await HandInAsync(await ReflectionOfAsync(cohort, cohort.Trainees[0]), "A hand-in.");
        var afterHandIn = await client.GetStringAsync("/");

        static (int Done, int Total) Count(string page, string pattern)
        {
            var m = Regex.Match(page, pattern);
            Assert.True(m.Success, pattern);
            return (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        }

        const string learn = @"(\d+) of (\d+) lessons done", completion = @"Lessons read: (\d+) of (\d+)";
        Assert.Equal(Count(before, learn).Done + 1, Count(afterLesson, learn).Done);
        Assert.Equal(Count(before, completion).Done + 1, Count(afterLesson, completion).Done);
        Assert.DoesNotContain($"href=\"{next}\">Continue", afterLesson);
        Assert.Contains("Handed in: 0 of", afterLesson);
        Assert.Contains("Handed in: 1 of", afterHandIn);
    }

    [Fact]
    public async Task Demo_SeededAtTheSiteClock_HasReleasedHandedInReviewedAndComingWork()
    {
        var facts = await DemoDataTests.FactsAsync(site, site.Clock.GetUtcNow().UtcDateTime);
        DemoDataTests.AssertLively(facts);
    }
}

public sealed class SqliteStartPageTests(ClockedSqliteSite site) : StartPageTests<ClockedSqliteSite>(site);

public sealed class PostgresStartPageTests(ClockedPostgresSite site) : StartPageTests<ClockedPostgresSite>(site);

/// <summary>The demo shows released, handed-in and reviewed work on the first run whatever the date (one site per date).</summary>
public sealed class DemoDataTests
{
    internal sealed record DemoFacts(DateOnly Start, int Released, int HandedIn, int Waiting, int Accepted, int Revision, int DueLater, int FromTheFuture);

    private sealed class DatedSite(DateTimeOffset now) : SqliteSite, IClockedSite
    {
        public FakeTimeProvider Clock { get; } = new(now);

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Jobs:RunServer", "false")];

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }

    internal static Task<DemoFacts> FactsAsync(SiteFactory site, DateTime now) =>
        site.WithScopeAsync(async (_, db) =>
        {
            var id = DemoCohortStep.DemoCohortId;
            var start = await db.Set<Cohort>().Where(c => c.Id == id).Select(c => c.StartDate).FirstAsync();
            var released = await db.Set<ScheduledAssignment>().CountAsync(s => s.CohortId == id && s.ReleasedUtc != null);
            var work = await db.Set<AssignmentWork>().Where(w => w.CohortId == id).ToListAsync();
            var workIds = work.Select(w => w.Id).ToList();
            var future = await db.Set<Submission>().CountAsync(s => workIds.Contains(s.WorkId) && s.SubmittedUtc > now)
                         + await db.Set<Review>().CountAsync(r => workIds.Contains(r.WorkId) && r.CreatedUtc > now);
            return new DemoFacts(start, released, work.Count(w => w.Versions > 0), work.Count(w => w.Status == WorkStatus.Submitted),
                work.Count(w => w.Status == WorkStatus.Accepted), work.Count(w => w.Status == WorkStatus.RevisionRequested),
                work.Count(w => w.Status == WorkStatus.Open && w.DueUtc > now), future);
        });

    internal static void AssertLively(DemoFacts facts)
    {
        Assert.True(facts.Released >= 6, $"released {facts}");
        Assert.True(facts.HandedIn >= 5, $"handed in {facts}");
        Assert.True(facts.Waiting >= 2, $"waiting {facts}");
        Assert.True(facts.Accepted >= 1, $"accepted {facts}");
        Assert.True(facts.Revision >= 1, $"revision {facts}");
        Assert.True(facts.DueLater >= 12, $"due later {facts}");
        Assert.Equal(0, facts.FromTheFuture);
        Assert.Equal(DayOfWeek.Tuesday, facts.Start.DayOfWeek);
    }

    [Theory]
    [InlineData("2027-03-01T06:00:00Z")] // the 1st, a Monday before the month's first Tuesday
    [InlineData("2026-12-31T12:00:00Z")] // New Year's Eve
    [InlineData("2026-12-31T23:30:00Z")] // already 1 January in Copenhagen
    [InlineData("2028-02-29T09:00:00Z")] // leap day
    [InlineData("2027-06-01T05:59:00Z")] // the first Tuesday itself, before the release hour
    public async Task Demo_FirstRunOnAnyDate_ShowsReleasedHandedInReviewedAndDueWork(string when)
    {
        var now = DateTimeOffset.Parse(when, CultureInfo.InvariantCulture);
        var site = new DatedSite(now);
        DemoFacts facts;
        try
        {
            await site.InitializeAsync();
            facts = await FactsAsync(site, now.UtcDateTime);
        }
        finally
        {
            await ((IAsyncLifetime)site).DisposeAsync();
        }

        AssertLively(facts);
    }
}
