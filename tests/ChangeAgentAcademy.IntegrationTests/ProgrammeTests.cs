using System.Net;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Outcomes.Services;
using ChangeAgentAcademy.Outcomes.ViewModels;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// Issue 17, the programme owner's view: its numbers against a hand-built cohort (every kind of hand-in,
/// review times, supervision, workshops, completion, certificates), small groups suppressed, no one's text or
/// name on the page or in its CSVs, a fixed number of queries whatever the number of people, and the refusals.
/// </summary>
public abstract class ProgrammeTests<TSite>(TSite site, ITestOutputHelper output) : IClassFixture<TSite> where TSite : SiteFactory, IClockedSite
{
    private const string Marker = "ZQXMARKER";

    /// <summary>
    /// Six trainees in one team: t0 accepted after 1 version (on time, first review after 10 h), t1 after 2 (first
    /// version late, 30 h), t2 after 3 (on time, 50 h), t3 handed in and waiting, t4 overdue, t5 not yet due. t0–t2
    /// read every lesson (complete under lessons-only rules); t0 and t1 attended 2 supervision sessions; t0 attended
    /// a workshop and t1 booked one ahead.
    /// </summary>
    private async Task<TestCohort> HandBuiltAsync()
    {
        var cohort = await site.CohortAsync(6);
        var t = cohort.Trainees;
        var now = site.Clock.GetUtcNow().UtcDateTime;
        await site.WithScopeAsync(async (sp, db) =>
        {
            var admin = await db.Users.Where(u => u.Email == "admin@demo.local").Select(u => u.Id).SingleAsync();
            Assert.True((await sp.GetRequiredService<RuleService>().SaveAsync(new RuleFormViewModel { Track = "trainee", LessonsPercent = 100 }, admin)).Ok);
            await db.Users.Where(u => t.Select(x => x.Id).Contains(u.Id)).ExecuteUpdateAsync(u => u.SetProperty(x => x.DisplayName, Marker + " person"));
            var modules = await sp.GetRequiredService<IProgrammeOutline>().ModulesAsync("trainee", "en");
            var keys = modules.SelectMany(m => m.LessonKeys).Distinct().ToList();
            db.Set<LessonCompletion>().AddRange(t.Take(3).SelectMany(p => keys.Select(k => new LessonCompletion { UserId = p.Id, LessonKey = k, CompletedUtc = now })));

            var schedule = new ScheduledAssignment
            {
                CohortId = cohort.Id, LessonKey = "m1-role-and-mandate/reflection", ModuleId = "m1-role-and-mandate", ModuleNumber = 1, Kind = AssignmentKind.Reflection,
                ReleaseUtc = now.AddDays(-20), DueUtc = now.AddDays(-10), ReleasedUtc = now.AddDays(-20), CreatedUtc = now.AddDays(-21),
            };
            db.Set<ScheduledAssignment>().Add(schedule);
            await db.SaveChangesAsync();
            var shapes = new (WorkStatus Status, int Versions, bool Late, double? ReviewHours, DateTime Due)[]
            {
                (WorkStatus.Accepted, 1, false, 10, now.AddDays(-10)),
                (WorkStatus.Accepted, 2, true, 30, now.AddDays(-10)),
                (WorkStatus.Accepted, 3, false, 50, now.AddDays(-10)),
                (WorkStatus.Submitted, 1, false, null, now.AddDays(-10)),
                (WorkStatus.Open, 0, false, null, now.AddDays(-10)),
                (WorkStatus.Open, 0, false, null, now.AddDays(5)),
            };
            for (var i = 0; i < 6; i++)
            {
                var s = shapes[i];
                var work = new AssignmentWork
                {
                    ScheduledId = schedule.Id, CohortId = cohort.Id, UserId = t[i].Id, LessonKey = schedule.LessonKey, DueUtc = s.Due, Status = s.Status, Versions = s.Versions,
                    ReleasedUtc = now.AddDays(-20), Draft = Marker + " draft", LastSubmittedUtc = s.Versions > 0 ? now.AddDays(-12) : null,
                };
                db.Set<AssignmentWork>().Add(work);
                await db.SaveChangesAsync();
                var first = now.AddDays(-12);
                for (var v = 1; v <= s.Versions; v++)
                {
                    db.Set<Submission>().Add(new Submission { WorkId = work.Id, Number = v, Text = Marker + " reflection", SubmittedUtc = first.AddDays(v - 1), Late = v == 1 && s.Late, SubmitToken = Guid.NewGuid().ToString("N") });
                }

                if (s.ReviewHours is { } hours)
                {
                    db.Set<Review>().Add(new Review { WorkId = work.Id, VersionNumber = 1, TrainerId = cohort.Trainer.Id, Decision = ReviewDecision.RevisionRequested, FeedbackMarkdown = Marker + " feedback", FeedbackHtml = Marker, CreatedUtc = first.AddHours(hours) });
                    db.Set<Review>().Add(new Review { WorkId = work.Id, VersionNumber = s.Versions, TrainerId = cohort.Trainer.Id, Decision = ReviewDecision.Accepted, FeedbackMarkdown = Marker, FeedbackHtml = Marker, CreatedUtc = first.AddHours(hours + 100) });
                }
            }

            var group = new SupervisionGroup { Id = Guid.NewGuid(), Name = "Group " + Guid.NewGuid().ToString("N")[..6], SupervisorId = cohort.Trainer.Id, StartDate = DateOnly.FromDateTime(now).AddDays(-30), EndDate = DateOnly.FromDateTime(now).AddDays(300), Status = GroupStatus.Active, CreatedUtc = now };
            db.Set<SupervisionGroup>().Add(group);
            var held = Enumerable.Range(0, 2).Select(k => new SupervisionSession { GroupId = group.Id, StartsUtc = now.AddDays(-14 + k * 7), EndsUtc = now.AddDays(-14 + k * 7).AddHours(1), Status = SessionStatus.Held, NotesMarkdown = Marker }).ToList();
            db.Set<SupervisionSession>().AddRange(held);
            await db.SaveChangesAsync();
            db.Set<Attendance>().AddRange(held.SelectMany(s => t.Take(2).Select(p => new Attendance { SessionId = s.Id, UserId = p.Id, Present = true, RecordedUtc = now })));
            db.Set<Attendance>().Add(new Attendance { SessionId = held[0].Id, UserId = t[2].Id, Present = false, RecordedUtc = now });

            var past = new WorkshopSession { Id = Guid.NewGuid(), Title = Marker, Place = "Room", StartsUtc = now.AddDays(-3), EndsUtc = now.AddDays(-3).AddHours(3), Status = WorkshopStatus.Held, CreatedUtc = now };
            var ahead = new WorkshopSession { Id = Guid.NewGuid(), Title = Marker, Place = "Room", StartsUtc = now.AddDays(3), EndsUtc = now.AddDays(3).AddHours(3), Status = WorkshopStatus.Open, CreatedUtc = now };
            db.Set<WorkshopSession>().AddRange(past, ahead);
            db.Set<Booking>().AddRange(
                new Booking { SessionId = past.Id, UserId = t[0].Id, Status = BookingStatus.Booked, BookedUtc = now.AddDays(-9), ChangedUtc = now },
                new Booking { SessionId = ahead.Id, UserId = t[1].Id, Status = BookingStatus.Booked, BookedUtc = now, ChangedUtc = now },
                new Booking { SessionId = ahead.Id, UserId = t[2].Id, Status = BookingStatus.Cancelled, BookedUtc = now, ChangedUtc = now });
            await db.SaveChangesAsync();
        });
        await site.WithScopeAsync((sp, _) => sp.GetRequiredService<CertificateService>().IssueDueAsync());
        return cohort;
    }

    private Task<ProgrammeViewModel> PageAsync(Guid? cohort = null) =>
        site.WithScopeAsync((sp, _) => sp.GetRequiredService<ProgrammePages>().PageAsync(cohort, 1, allTeams: true));

    [Fact]
    public async Task Numbers_MatchTheHandBuiltCohort_PerCohortAndPerTeam()
    {
        var cohort = await HandBuiltAsync();
        var page = await PageAsync(cohort.Id);
        var row = Assert.Single(page.Cohorts, c => c.Id == cohort.Id);
        var team = Assert.Single(page.Teams, c => c.Id == cohort.TeamId);
        foreach (var r in new[] { row, team })
        {
            Assert.False(r.Suppressed);
            Assert.Equal(6, r.Enrolled);
            Assert.Equal(50, r.LessonsPercent); // three of six read everything
            Assert.Equal((3, 1, 1), (r.OnTime, r.Late, r.Overdue));
            Assert.Equal((1, 1, 1), (r.AcceptedFirst, r.AcceptedSecond, r.AcceptedLater));
            Assert.Equal(30.0, r.ReviewMedianHours);
            Assert.Equal(50.0, r.ReviewP90Hours);
            Assert.Equal(4, r.SessionsAttended);
            Assert.Equal((2, 1), (r.WorkshopsBooked, r.WorkshopsAttended));
            Assert.Equal(3, r.Complete);
            Assert.Equal(3, r.Certificates);
        }

        // The cohort's weeks: all four first versions handed in 12 days ago, three first reviews after 10, 30 and 50 hours.
        Assert.False(page.TrendSuppressed);
        Assert.Equal(4, page.Trend.Sum(w => w.HandIns));
        Assert.Equal(3, page.Trend.Sum(w => w.Reviews));
    }

    [Fact]
    public async Task SmallGroups_AreNotBrokenDown()
    {
        var small = await site.CohortAsync(3);
        var page = await PageAsync(small.Id);
        Assert.True(Assert.Single(page.Cohorts, c => c.Id == small.Id).Suppressed);
        Assert.DoesNotContain(page.Teams, t => t.Id == small.TeamId);
        Assert.NotNull(page.SmallTeams);
        Assert.True(page.TrendSuppressed);

        var owner = await site.PersonAsync(Roles.ProgrammeOwner);
        var client = await SiteClient.SignedInAsync(site, owner.Email!, SiteClient.TestPassword);
        var html = await client.GetStringAsync($"/programme?cohort={small.Id}");
        Assert.Contains("Fewer than 5 people: not shown", html);
        Assert.Contains("the trend is not shown", html);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/programme/trend.csv?cohort={small.Id}")).StatusCode);
    }

    [Fact]
    public async Task NoTextAnyoneWrote_NorAnyName_OnThePageOrInItsCsv()
    {
        await HandBuiltAsync();
        var owner = await site.PersonAsync(Roles.ProgrammeOwner);
        var client = await SiteClient.SignedInAsync(site, owner.Email!, SiteClient.TestPassword);
        foreach (var path in new[] { "/programme", "/programme/cohorts.csv", "/programme/teams.csv", "/programme/trend.csv" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Marker, body);
            Assert.DoesNotContain("Test Trainee", body);
        }
    }

    [Fact]
    public async Task Page_FixedNumberOfQueries_WhateverTheNumberOfPeople()
    {
        var owner = await site.PersonAsync(Roles.ProgrammeOwner);
        var client = await SiteClient.SignedInAsync(site, owner.Email!, SiteClient.TestPassword);
        await client.GetStringAsync("/programme"); // warm: the curriculum snapshot and the session
        site.Queries.Reset();
        await client.GetStringAsync("/programme");
        var few = site.Queries.For("/programme");
        var texts = site.Queries.TextsFor("/programme");

        await HandBuiltAsync();
        await site.CohortAsync(20);
        await site.CohortAsync(7);
        // Warm again: seeding can take longer than the session cache's 5 s under load, and a session re-check is not
        // what this test counts.
        await client.GetStringAsync("/programme");
        site.Queries.Reset();
        await client.GetStringAsync("/programme");
        var many = site.Queries.For("/programme");
        output.WriteLine($"{few} then {many} queries:\n" + string.Join("\n", texts));
        Assert.Equal(few, many);
        Assert.True(many == ProgrammeQueries, $"{many} queries:\n" + string.Join("\n", site.Queries.TextsFor("/programme")));
    }

    /// <summary>
    /// Stated in bench/README.md: open cohorts, their trainers, members, people's teams, lessons read, assignment
    /// outcomes, supervision, workshops, hand-ins with first reviews, certificates, rules (the session and the
    /// curriculum snapshot are cached after the first request).
    /// </summary>
    private const int ProgrammeQueries = 11;

    [Theory]
    [InlineData("trainee1@demo.local")]
    [InlineData("leader1@demo.local")]
    [InlineData("trainer1@demo.local")]
    public async Task OthersAreRefused(string email)
    {
        var client = await SiteClient.SignedInAsync(site, email);
        foreach (var path in new[] { "/programme", "/programme/cohorts.csv", "/programme/teams.csv", "/programme/trend.csv" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(path)).StatusCode);
        }
    }
}

public sealed class SqliteProgrammeTests(ClockedSqliteSite site, ITestOutputHelper output) : ProgrammeTests<ClockedSqliteSite>(site, output);

public sealed class PostgresProgrammeTests(ClockedPostgresSite site, ITestOutputHelper output) : ProgrammeTests<ClockedPostgresSite>(site, output);
