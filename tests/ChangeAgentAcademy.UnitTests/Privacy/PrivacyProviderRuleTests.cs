using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Workshops.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeAgentAcademy.UnitTests.Privacy;

/// <summary>
/// The providers' rules on a real (in-memory SQLite) database: erasure removes or anonymises one person and nobody
/// else, keeps counts, is idempotent; holds name what keeps a person; retention deletes what is past its period
/// and nothing else, and the dry run counts exactly that.
/// </summary>
public sealed class PrivacyProviderRuleTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2027, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly SqliteConnection connection = new("Data Source=:memory:");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Now));
    private readonly Guid anna = Guid.NewGuid();
    private readonly Guid bo = Guid.NewGuid();
    private readonly Guid trainer = Guid.NewGuid();
    private ServiceProvider site = null!;

    public async Task InitializeAsync()
    {
        await connection.OpenAsync();
        site = PrivacyCoverageTests.Site(connection, clock);
        await using var scope = site.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DbContext>();
        await db.Database.EnsureCreatedAsync();
        foreach (var (id, name) in new[] { (anna, "Anna"), (bo, "Bo"), (trainer, "Tove") })
        {
            db.Set<AppUser>().Add(new AppUser { Id = id, UserName = $"{name.ToLowerInvariant()}@x.test", Email = $"{name.ToLowerInvariant()}@x.test", NormalizedEmail = $"{name.ToUpperInvariant()}@X.TEST", DisplayName = name + " Marker", CreatedUtc = Now.AddYears(-3) });
        }

        var cohort = new Cohort { Id = Guid.NewGuid(), Name = "Spring", StartDate = new DateOnly(2027, 1, 1), Status = CohortStatus.Open, CreatedUtc = Now };
        db.Add(cohort);
        db.Add(new CohortMember { CohortId = cohort.Id, UserId = anna, Status = MemberStatus.Enrolled, EnrolledUtc = Now, ChangedUtc = Now });
        db.Add(new CohortMember { CohortId = cohort.Id, UserId = bo, Status = MemberStatus.Enrolled, EnrolledUtc = Now, ChangedUtc = Now });
        db.Add(new CohortTrainer { CohortId = cohort.Id, UserId = trainer });
        var old = new ScheduledAssignment { CohortId = Guid.NewGuid(), LessonKey = "m1/r", ModuleId = "m1", DueUtc = Now.AddYears(-3), ReleaseUtc = Now.AddYears(-3), CreatedUtc = Now };
        var current = new ScheduledAssignment { CohortId = cohort.Id, LessonKey = "m1/r", ModuleId = "m1", DueUtc = Now.AddDays(-1), ReleaseUtc = Now.AddDays(-10), CreatedUtc = Now };
        db.AddRange(old, current);
        await db.SaveChangesAsync();
        foreach (var (person, text) in new[] { (anna, "anna-secret-text"), (bo, "bo-own-text") })
        {
            var work = new AssignmentWork { ScheduledId = current.Id, CohortId = cohort.Id, UserId = person, LessonKey = "m1/r", DueUtc = current.DueUtc, Draft = text + " draft", Versions = 1, ReleasedUtc = Now };
            db.Add(work);
            await db.SaveChangesAsync();
            db.Add(new Submission { WorkId = work.Id, Number = 1, Text = text, SubmittedUtc = Now, SubmitToken = Guid.NewGuid().ToString() });
            db.Add(new Review { WorkId = work.Id, VersionNumber = 1, TrainerId = trainer, FeedbackMarkdown = "feedback for " + text, FeedbackHtml = "x", CreatedUtc = Now });
            db.Add(new InboxItem { Id = Guid.NewGuid(), Key = "k" + person, UserId = person, Subject = "s", Body = text, CreatedUtc = Now.AddMonths(-7) });
            db.Add(new PracticalLog { UserId = person, Type = "pdsa", Title = text, CreatedUtc = Now, UpdatedUtc = Now });
        }

        var ancient = new AssignmentWork { ScheduledId = old.Id, CohortId = old.CohortId, UserId = bo, LessonKey = "m1/r", DueUtc = old.DueUtc, ReleasedUtc = old.DueUtc };
        db.Add(ancient);
        db.Add(new OutboxMessage { Id = Guid.NewGuid(), To = "Anna@x.test", Subject = "hello", TextBody = "anna-secret-mail", CreatedUtc = Now, NextAttemptUtc = Now });
        db.Add(new OutboxMessage { Id = Guid.NewGuid(), To = "bo@x.test", Subject = "hello", TextBody = "old", CreatedUtc = Now.AddMonths(-4), NextAttemptUtc = Now });
        var group = new SupervisionGroup { Id = Guid.NewGuid(), Name = "Group A", SupervisorId = trainer, Status = GroupStatus.Active, Contract = "c", CreatedUtc = Now };
        db.Add(group);
        db.Add(new GroupMember { GroupId = group.Id, UserId = bo, JoinedUtc = Now, AgreedContractVersion = 1 });
        db.Add(new GroupMember { GroupId = group.Id, UserId = anna, JoinedUtc = Now });
        var workshop = new WorkshopSession { Id = Guid.NewGuid(), Title = "Vision day", Place = "Hall", StartsUtc = Now.AddDays(5), EndsUtc = Now.AddDays(5).AddHours(3), FacilitatorId = trainer, Status = WorkshopStatus.Open, CreatedUtc = Now };
        db.Add(workshop);
        db.Add(new Booking { SessionId = workshop.Id, UserId = anna, Status = BookingStatus.Booked, BookedUtc = Now, ChangedUtc = Now });
        db.Add(new Booking { SessionId = workshop.Id, UserId = bo, Status = BookingStatus.Booked, BookedUtc = Now, ChangedUtc = Now });
        db.AddAudit(Now, anna, "cohorts.requested", cohort.Id.ToString(), anna.ToString());
        db.AddAudit(Now.AddYears(-3), bo, "old", "x");
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await site.DisposeAsync();
        await connection.DisposeAsync();
    }

    private async Task<T> With<T>(Func<DbContext, IReadOnlyList<IPrivacyProvider>, Task<T>> action)
    {
        await using var scope = site.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<DbContext>(), scope.ServiceProvider.GetServices<IPrivacyProvider>().ToList());
    }

    /// <summary>Providers share the scope's context, so they run one after the other, as the site runs them.</summary>
    private static async Task<List<T>> Each<T>(IReadOnlyList<IPrivacyProvider> providers, Func<IPrivacyProvider, Task<IReadOnlyList<T>>> call)
    {
        var all = new List<T>();
        foreach (var provider in providers)
        {
            all.AddRange(await call(provider));
        }

        return all;
    }

    private async Task EraseAsync(Guid person) => await With(async (_, providers) =>
    {
        foreach (var provider in providers)
        {
            await provider.EraseAsync(person);
        }

        return 0;
    });

    private async Task<(int Members, int Works, int Submissions, int Reviews, int Bookings, int GroupMembers, int Audit)> CountsAsync() => await With(async (db, _) =>
        (await db.Set<CohortMember>().CountAsync(), await db.Set<AssignmentWork>().CountAsync(), await db.Set<Submission>().CountAsync(), await db.Set<Review>().CountAsync(),
         await db.Set<Booking>().CountAsync(b => b.Status == BookingStatus.Booked), await db.Set<GroupMember>().CountAsync(), await db.Set<AuditEntry>().CountAsync()));

    [Fact]
    public async Task Erasure_RemovesThePerson_KeepsCountsAndOthers_AndIsIdempotent()
    {
        var before = await CountsAsync();

        await EraseAsync(anna);
        var after = await CountsAsync();
        await EraseAsync(anna);

        Assert.Equal(before, after);
        Assert.Equal(after, await CountsAsync());
        await With(async (db, _) =>
        {
            Assert.False(await db.Set<AppUser>().AnyAsync(u => u.Id == anna));
            Assert.False(await db.Set<CohortMember>().AnyAsync(m => m.UserId == anna));
            Assert.False(await db.Set<AssignmentWork>().AnyAsync(w => w.UserId == anna || (w.Draft != null && w.Draft.Contains("anna"))));
            Assert.False(await db.Set<Submission>().AnyAsync(s => s.Text.Contains("anna")));
            Assert.False(await db.Set<Review>().AnyAsync(r => r.FeedbackMarkdown.Contains("anna")));
            Assert.False(await db.Set<PracticalLog>().AnyAsync(l => l.UserId == anna));
            Assert.False(await db.Set<InboxItem>().AnyAsync(i => i.UserId == anna));
            Assert.False(await db.Set<OutboxMessage>().AnyAsync(m => m.TextBody.Contains("anna")));
            Assert.False(await db.Set<AuditEntry>().AnyAsync(a => a.ActorId == anna || a.Details!.Contains(anna.ToString())));
            Assert.True(await db.Set<Submission>().AnyAsync(s => s.Text == "bo-own-text"));
            Assert.True(await db.Set<Review>().AnyAsync(r => r.FeedbackMarkdown == "feedback for bo-own-text"));
            Assert.Equal(1, await db.Set<PracticalLog>().CountAsync());
            Assert.True(await db.Set<CohortMember>().AnyAsync(m => m.UserId == bo));
            return 0;
        });
    }

    [Fact]
    public async Task ErasingATrainer_KeepsTheirFeedbackOnTraineesWork_UnderNoName()
    {
        var holds = await With(async (_, providers) => await Each(providers, p => p.HoldsAsync(trainer)));

        Assert.Contains(holds, h => h.Module == "Cohorts" && h.Reason.Contains("Spring", StringComparison.Ordinal));
        Assert.Contains(holds, h => h.Module == "Supervision" && h.Reason.Contains("Group A", StringComparison.Ordinal));
        Assert.Contains(holds, h => h.Module == "Workshops" && h.Reason.Contains("Vision day", StringComparison.Ordinal));

        await EraseAsync(trainer);

        await With(async (db, _) =>
        {
            Assert.Equal(2, await db.Set<Review>().CountAsync(r => r.FeedbackMarkdown.StartsWith("feedback for")));
            Assert.False(await db.Set<Review>().AnyAsync(r => r.TrainerId == trainer));
            Assert.False(await db.Set<CohortTrainer>().AnyAsync());
            Assert.Null(await db.Set<WorkshopSession>().Select(s => s.FacilitatorId).SingleAsync());
            return 0;
        });
    }

    [Fact]
    public async Task Holds_AnOpenContract_ButNotAMemberWhoNeverAgreed_NorAPastWorkshop()
    {
        var boHolds = await With(async (_, providers) => await Each(providers, p => p.HoldsAsync(bo)));
        var annaHolds = await With(async (_, providers) => await Each(providers, p => p.HoldsAsync(anna)));
        clock.Advance(TimeSpan.FromDays(6));
        var trainerLater = await With(async (_, providers) => await Each(providers, p => p.HoldsAsync(trainer)));

        Assert.Equal("Supervision", Assert.Single(boHolds).Module);
        Assert.Empty(annaHolds);
        Assert.DoesNotContain(trainerLater, h => h.Module == "Workshops");
    }

    [Fact]
    public async Task Retention_DeletesWhatTheDryRunCounted_AndOnlyThat()
    {
        var periods = new Dictionary<string, TimeSpan>
        {
            ["Reflections"] = TimeSpan.FromDays(730),
            ["Notices"] = TimeSpan.FromDays(182),
            ["MailOutbox"] = TimeSpan.FromDays(91),
            ["Audit"] = TimeSpan.FromDays(730),
        };

        var dry = await With(async (_, providers) => await Each(providers, p => p.ExpireAsync(new RetentionRun(Now, periods, DryRun: true))));
        var untouched = await CountsAsync();
        var wet = await With(async (_, providers) => await Each(providers, p => p.ExpireAsync(new RetentionRun(Now, periods, DryRun: false))));
        var again = await With(async (_, providers) => await Each(providers, p => p.ExpireAsync(new RetentionRun(Now, periods, DryRun: true))));

        Assert.Equal(dry, wet);
        Assert.Equal(1, dry.Single(c => c.Entity == nameof(AssignmentWork)).Count);
        Assert.Equal(2, dry.Single(c => c.Entity == nameof(InboxItem)).Count);
        Assert.Equal(1, dry.Single(c => c.Entity == nameof(OutboxMessage)).Count);
        Assert.Equal(1, dry.Single(c => c.Entity == nameof(AuditEntry)).Count);
        Assert.Equal(0, dry.Single(c => c.Entity == nameof(PracticalLog)).Count);
        Assert.All(again, c => Assert.Equal(0, c.Count));
        var after = await CountsAsync();
        Assert.Equal(untouched.Works - 1, after.Works);
        Assert.Equal(untouched.Submissions, after.Submissions);
        Assert.Equal(untouched.Audit - 1, after.Audit);
    }

    [Fact]
    public async Task RetentionWithoutPeriods_KeepsEverything()
    {
        var counts = await With(async (_, providers) => await Each(providers, p => p.ExpireAsync(new RetentionRun(Now, new Dictionary<string, TimeSpan>(), DryRun: false))));

        Assert.Empty(counts);
        Assert.Equal(3, await With(async (db, _) => await db.Set<AppUser>().CountAsync()));
    }

    [Fact]
    public async Task Export_HoldsOnlyThePersonsOwnText()
    {
        var parts = await With(async (_, providers) => await Each(providers, async p => (IReadOnlyList<PrivacyExportPart>)[await p.ExportAsync(anna)]));
        var json = System.Text.Json.JsonSerializer.Serialize(parts.Select(p => p.Data).ToList());

        Assert.Contains("anna-secret-text", json, StringComparison.Ordinal);
        Assert.Contains("anna-secret-mail", json, StringComparison.Ordinal);
        Assert.DoesNotContain("bo-own-text", json, StringComparison.Ordinal);
        Assert.All(parts, p => Assert.NotEmpty(p.Summary));
    }
}
