using System.Text.Json;
using ChangeAgentAcademy.Cohorts.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Testing;
using ChangeAgentAcademy.Web.Data;
using ChangeAgentAcademy.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Npgsql;
using ChangeAgentAcademy.Workshops.Data;

namespace ChangeAgentAcademy.IntegrationTests;

/// <summary>
/// A site that ran the schema before the modules' foreign keys upgrades without losing a row: the database is
/// migrated to the last migration before them, filled through the model (with a few orphans, rows whose parent
/// is gone, which the old schema allowed), migrated to the end, and read back. Every row with a parent is
/// there with the same values; the orphans are gone; and the database now refuses a new orphan.
/// </summary>
public abstract class SchemaUpgradeTests
{
    protected abstract AppDbContext Open();

    protected virtual Task DropAsync() => Task.CompletedTask;

    protected static ModuleModelSource Modules() => new(ModuleCatalog.Discover(ModuleCatalog.SiteAssemblies(), new ConfigurationBuilder().Build()).All);

    [Fact]
    public async Task ForeignKeyMigrations_KeepEveryRowWithAParent_DropOrphans_AndRefuseNewOrphans()
    {
        try
        {
            await using (var db = Open())
            {
                var migrations = db.Database.GetMigrations().ToList();
                var first = migrations.FindIndex(m => m.EndsWith("ForeignKeys", StringComparison.Ordinal));
                Assert.True(first > 0, "no foreign-key migration found");
                await db.GetService<IMigrator>().MigrateAsync(migrations[first - 1]);
            }

            var now = new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc);
            var person = Guid.NewGuid();
            var cohort = new Cohort { Id = Guid.NewGuid(), Name = "Autumn", StartDate = new DateOnly(2026, 11, 3) };
            var work = new AssignmentWork { ScheduledId = 1, CohortId = cohort.Id, UserId = person, LessonKey = "m1/reflection", DueUtc = now.AddDays(14), ReleasedUtc = now, Versions = 1 };
            var group = new SupervisionGroup { Id = Guid.NewGuid(), Name = "Thursday group", SupervisorId = Guid.NewGuid(), StartDate = new DateOnly(2026, 11, 5), EndDate = new DateOnly(2027, 3, 5), Contract = "We keep what is said here.", CreatedUtc = now };
            var workshop = new WorkshopSession { Id = Guid.NewGuid(), Title = "Future workshop", Place = "Room 2", StartsUtc = now.AddDays(7), EndsUtc = now.AddDays(7).AddHours(3), CreatedUtc = now };
            await using (var db = Open())
            {
                db.AddRange(cohort, work, workshop);
                await db.SaveChangesAsync();
                // The group goes in by SQL: the model has columns (CreatedBy) that this old schema does not.
                await InsertAsync(db, "supervision_groups", OldGroupColumns(group));
                var session = new SupervisionSession { GroupId = group.Id, StartsUtc = now.AddDays(2), EndsUtc = now.AddDays(2).AddMinutes(90), NotesMarkdown = "Two\nlines" };
                db.Add(session);
                await db.SaveChangesAsync();
                db.AddRange(
                    new CohortMember { CohortId = cohort.Id, UserId = person, EnrolledUtc = now },
                    new CohortTrainer { CohortId = cohort.Id, UserId = Guid.NewGuid() },
                    new EnrolmentRequest { CohortId = cohort.Id, UserId = Guid.NewGuid(), RequestedUtc = now, Message = "Please, before the summer" },
                    new Submission { WorkId = work.Id, Number = 1, Text = "What I saw\n\nand what I changed", SubmittedUtc = now.AddDays(3), SubmitToken = "t1" },
                    new Review { WorkId = work.Id, VersionNumber = 1, TrainerId = Guid.NewGuid(), FeedbackMarkdown = "Good", FeedbackHtml = "<p>Good</p>", CreatedUtc = now.AddDays(4) },
                    new Reminder { WorkId = work.Id, Kind = ReminderKind.BeforeDue, CreatedUtc = now.AddDays(13) },
                    new GroupMember { GroupId = group.Id, UserId = person, JoinedUtc = now },
                    new SessionPresenter { SessionId = session.Id, UserId = person },
                    new Attendance { SessionId = session.Id, UserId = person, Present = true, RecordedUtc = now.AddDays(2) },
                    new Evaluation { GroupId = group.Id, SessionId = session.Id, UserId = person, Space = 4, Frame = 5, Usefulness = 4, Safety = 5, Comment = "Safe", CreatedUtc = now.AddDays(2) },
                    new Booking { SessionId = workshop.Id, UserId = person, BookedUtc = now, ChangedUtc = now },
                    new WorkshopIdea { SessionId = workshop.Id, Text = "Handover on a tablet", CreatedUtc = now },
                    new WorkshopRecord { SessionId = workshop.Id, Critique = "Paper", RecordedBy = person, UpdatedUtc = now },
                    // Orphans: their parents are gone (the old schema allowed it).
                    new CohortMember { CohortId = Guid.NewGuid(), UserId = person, EnrolledUtc = now },
                    new Submission { WorkId = 987_654, Number = 1, Text = "lost", SubmittedUtc = now, SubmitToken = "t2" },
                    new GroupMember { GroupId = Guid.NewGuid(), UserId = person, JoinedUtc = now },
                    new Attendance { SessionId = 987_654, UserId = person, Present = false, RecordedUtc = now },
                    new Booking { SessionId = Guid.NewGuid(), UserId = person, BookedUtc = now, ChangedUtc = now });
                await db.SaveChangesAsync();
            }

            Dictionary<string, List<string>> before;
            await using (var db = Open())
            {
                before = await SnapshotAsync(db);
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            await using (var db = Open())
            {
                var after = await SnapshotAsync(db);
                // Exactly the orphans are gone, one per table that had one; everything else is as it was.
                var removed = before.ToDictionary(t => t.Key, t => t.Value.Except(after[t.Key]).ToList());
                Assert.Equal(5, removed.Values.Sum(r => r.Count));
                Assert.Single(removed[nameof(CohortMember)]);
                Assert.Contains("lost", Assert.Single(removed[nameof(Submission)]));
                Assert.Single(removed[nameof(GroupMember)]);
                Assert.Single(removed[nameof(Attendance)]);
                Assert.Single(removed[nameof(Booking)]);
                foreach (var (table, rows) in after)
                {
                    Assert.True(rows.All(before[table].Contains), $"{table} has rows it did not have");
                    Assert.NotEmpty(rows);
                }

                // The constraint holds from now on.
                db.Add(new Booking { SessionId = Guid.NewGuid(), UserId = person, BookedUtc = now, ChangedUtc = now });
                await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            }
        }
        finally
        {
            await DropAsync();
        }
    }

    /// <summary>
    /// A site whose workshop decline messages and supervision group creators lived only in the audit upgrades with
    /// them copied into their own columns (WorkshopsDeclineMessage, SupervisionGroupCreator): the latest decline entry
    /// gives the message, the creation entry the creator; rows without an entry stay null; the audit is untouched.
    /// </summary>
    [Fact]
    public async Task AuditStoredValues_AreCopiedIntoTheirOwnColumns_AndTheAuditStays()
    {
        try
        {
            await using (var db = Open())
            {
                var migrations = db.Database.GetMigrations().ToList();
                var first = migrations.FindIndex(m => m.EndsWith("_SupervisionGroupCreator", StringComparison.Ordinal) || m.EndsWith("_WorkshopsDeclineMessage", StringComparison.Ordinal));
                Assert.True(first > 0, "no column migration found");
                await db.GetService<IMigrator>().MigrateAsync(migrations[first - 1]);
            }

            var now = new DateTime(2026, 11, 3, 9, 0, 0, DateTimeKind.Utc);
            var creator = Guid.NewGuid();
            var trainer = Guid.NewGuid();
            var created = new SupervisionGroup { Id = Guid.NewGuid(), Name = "Created", SupervisorId = Guid.NewGuid(), StartDate = new DateOnly(2026, 11, 5), EndDate = new DateOnly(2027, 3, 5), Contract = "c", CreatedUtc = now };
            var unknown = new SupervisionGroup { Id = Guid.NewGuid(), Name = "No entry", SupervisorId = Guid.NewGuid(), StartDate = new DateOnly(2026, 11, 5), EndDate = new DateOnly(2027, 3, 5), Contract = "c", CreatedUtc = now };
            var declined = Guid.NewGuid();
            var pending = Guid.NewGuid();
            var declinedNoEntry = Guid.NewGuid();
            await using (var db = Open())
            {
                await InsertAsync(db, "supervision_groups", OldGroupColumns(created));
                await InsertAsync(db, "supervision_groups", OldGroupColumns(unknown));
                foreach (var (id, status) in new[] { (declined, "Declined"), (pending, "Pending"), (declinedNoEntry, "Declined") })
                {
                    await InsertAsync(db, "workshops_requests", new Dictionary<string, object?>
                    {
                        ["Id"] = id, ["LeaderId"] = Guid.NewGuid(), ["TeamId"] = Guid.NewGuid(), ["Participants"] = 6, ["Wishes"] = "Handover", ["Status"] = status,
                        ["SessionId"] = null, ["DecidedBy"] = status == "Declined" ? trainer : null, ["CreatedUtc"] = now, ["DecidedUtc"] = status == "Declined" ? now : null,
                    });
                }

                db.AddRange(
                    new AuditEntry { AtUtc = now, ActorId = creator, Action = "supervision.group-created", Subject = created.Id.ToString(), Details = "Created; 5 members" },
                    new AuditEntry { AtUtc = now, ActorId = trainer, Action = "workshops.request-declined", Subject = declined.ToString(), Details = "Full in May" },
                    new AuditEntry { AtUtc = now.AddMinutes(1), ActorId = trainer, Action = "workshops.request-declined", Subject = declined.ToString(), Details = "Fully booked in May; ask again in June." },
                    new AuditEntry { AtUtc = now, ActorId = trainer, Action = "workshops.request-declined", Subject = pending.ToString(), Details = "not declined any more" });
                await db.SaveChangesAsync();
            }

            await using (var db = Open())
            {
                await db.Database.MigrateAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }

            await using (var db = Open())
            {
                var groups = await db.Set<SupervisionGroup>().AsNoTracking().ToDictionaryAsync(g => g.Id, g => g.CreatedBy);
                var requests = await db.Set<OnSiteRequest>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.DeclineMessage);
                Assert.Equal(creator, groups[created.Id]);
                Assert.Null(groups[unknown.Id]);
                Assert.Equal("Fully booked in May; ask again in June.", requests[declined]);
                Assert.Null(requests[pending]);
                Assert.Null(requests[declinedNoEntry]);
                Assert.Equal(4, await db.Set<AuditEntry>().CountAsync());
            }
        }
        finally
        {
            await DropAsync();
        }
    }

    /// <summary>The supervision group's columns as the schema before SupervisionGroupCreator had them.</summary>
    private static Dictionary<string, object?> OldGroupColumns(SupervisionGroup g) => new()
    {
        ["Id"] = g.Id, ["Name"] = g.Name, ["SupervisorId"] = g.SupervisorId, ["StartDate"] = g.StartDate, ["EndDate"] = g.EndDate, ["EveryWeeks"] = g.EveryWeeks,
        ["Weekday"] = (int)g.Weekday, ["StartTime"] = g.StartTime, ["DurationMinutes"] = g.DurationMinutes, ["TimeZone"] = g.TimeZone, ["Place"] = g.Place,
        ["PresentersPerSession"] = g.PresentersPerSession, ["EvaluateEvery"] = g.EvaluateEvery, ["Contract"] = g.Contract, ["ContractVersion"] = g.ContractVersion,
        ["Status"] = g.Status.ToString(), ["CreatedUtc"] = g.CreatedUtc,
    };

    /// <summary>One row by SQL, for a schema older than the model; values become parameters typed by the provider.</summary>
    private static async Task InsertAsync(AppDbContext db, string table, Dictionary<string, object?> columns)
    {
        columns = columns.Where(c => c.Value is not null).ToDictionary(); // a column left out is NULL
        var names = string.Join(", ", columns.Keys.Select(c => $"\"{c}\""));
        var values = string.Join(", ", columns.Keys.Select((_, i) => $"{{{i}}}"));
        var sql = "INSERT INTO \"" + table + "\" (" + names + ") VALUES (" + values + ")"; // names are the test's own constants
        await db.Database.ExecuteSqlRawAsync(sql, columns.Values.ToArray()!);
    }

    /// <summary>Every row of the tables that get a foreign key (and their parents), as JSON, per entity.</summary>
    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(AppDbContext db)
    {
        var tables = new Dictionary<string, List<string>>();
        async Task Add<T>() where T : class =>
            tables[typeof(T).Name] = (await db.Set<T>().AsNoTracking().ToListAsync()).Select(r => JsonSerializer.Serialize(r)).Order().ToList();
        await Add<Cohort>();
        await Add<CohortMember>();
        await Add<CohortTrainer>();
        await Add<EnrolmentRequest>();
        await Add<AssignmentWork>();
        await Add<Submission>();
        await Add<Review>();
        await Add<Reminder>();
        // The columns the old schema had (a later migration adds CreatedBy).
        tables[nameof(SupervisionGroup)] = (await db.Set<SupervisionGroup>().AsNoTracking()
            .Select(g => new { g.Id, g.Name, g.SupervisorId, g.StartDate, g.EndDate, g.EveryWeeks, g.Weekday, g.StartTime, g.DurationMinutes, g.TimeZone, g.Place, g.PresentersPerSession, g.EvaluateEvery, g.Contract, g.ContractVersion, g.Status, g.CreatedUtc })
            .ToListAsync()).Select(r => JsonSerializer.Serialize(r)).Order().ToList();
        await Add<GroupMember>();
        await Add<SupervisionSession>();
        await Add<SessionPresenter>();
        await Add<Attendance>();
        await Add<Evaluation>();
        await Add<WorkshopSession>();
        await Add<Booking>();
        await Add<WorkshopIdea>();
        await Add<WorkshopRecord>();
        return tables;
    }
}

public sealed class SqliteSchemaUpgradeTests : SchemaUpgradeTests, IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("caa-upgrade-").FullName;

    protected override AppDbContext Open() =>
        new SqliteAppDbContext(new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite($"Data Source={Path.Combine(folder, "old.db")};Pooling=False").Options, Modules());

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

public sealed class PostgresSchemaUpgradeTests : SchemaUpgradeTests, IAsyncLifetime
{
    private readonly string database = "caa_upgrade_" + Guid.NewGuid().ToString("N")[..12];

    private string ConnectionString => new NpgsqlConnectionStringBuilder(PostgresSite.AdminConnectionString) { Database = database }.ConnectionString;

    protected override AppDbContext Open() =>
        new PostgresAppDbContext(new DbContextOptionsBuilder<PostgresAppDbContext>().UseNpgsql(ConnectionString).Options, Modules());

    public async Task InitializeAsync()
    {
        await using var connection = new NpgsqlConnection(PostgresSite.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    protected override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresSite.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
