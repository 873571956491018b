// Times Dispatcher.RemindAsync on 100,000 due BeforeDue reminders inside the real site host.
// usage: DispatcherBench <sqlite|postgres|probe-sqlite|probe-postgres> [--runs=3] [--count=100000] [--Setting:Key=value ...]
// PostgreSQL: CAA_BENCH_PG is a connection string to a maintenance database; each run creates and
// drops its own database. Seeding is not timed. See bench/README.md.
using System.Diagnostics;
using System.Globalization;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Notifications.Data;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Services;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DispatcherBench;

// Not "Program": that name is the site's (WebApplicationFactory<Program>).
public static class Bench
{
    private static readonly AllocationListener Allocations = new();
    private static bool analyzeAll;

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        var mode = args.FirstOrDefault()?.ToLowerInvariant() ?? "";
        var probe = mode.StartsWith("probe-", StringComparison.Ordinal);
        var provider = (probe ? mode["probe-".Length..] : mode) switch
        {
            "sqlite" => "Sqlite",
            "postgres" or "postgresql" or "pg" => "PostgreSql",
            _ => null,
        };
        if (provider is null)
        {
            Console.Error.WriteLine("usage: DispatcherBench <sqlite|postgres|probe-sqlite|probe-postgres> [--runs=3] [--count=100000] [--Section:Key=value ...]");
            return 2;
        }

        var runs = 3;
        var seedOnly = false;
        var count = 100_000;
        var extra = new Dictionary<string, string?>();
        foreach (var arg in args.Skip(1))
        {
            var (key, value) = arg.TrimStart('-').Split('=', 2) is [var k, var v] ? (k, v) : (arg.TrimStart('-'), "true");
            switch (key)
            {
                case "runs": runs = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "count": count = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "analyze-all": analyzeAll = true; break; // PostgreSQL: ANALYZE every table after seeding
                case "seed-only": seedOnly = true; runs = 1; break; // seed, keep the database, print where it is, exit

                default: extra[key] = value; break; // passed to the site, e.g. --Reflections:RemindBeforeDue=2.00:00:00
            }
        }

        var repo = FindRepoRoot();
        // WebApplicationFactory finds the site's content root through MvcTestingAppManifest.json in the working directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var label = provider == "Sqlite" ? "sqlite" : "postgresql";
        if (probe)
        {
            runs = 1;
        }

        var failures = 0;
        for (var run = 1; run <= runs; run++)
        {
            Console.WriteLine(probe ? $"== {label}: cost of one multi-row INSERT by parameters per statement" : $"== {label} run {run}/{runs}{(run == 1 ? " (first call in this process: includes JIT)" : "")}");
            try
            {
                failures += await RunOnceAsync(provider, label, count, repo, extra, probe, seedOnly) ? 0 : 1;
            }
            catch (Exception e)
            {
                var where = (e.StackTrace ?? "").Split('\n').FirstOrDefault(l => l.Contains("Dispatcher.cs", StringComparison.Ordinal))?.Trim();
                Console.WriteLine($"{label}: run FAILED: {e.GetType().Name}: {e.Message}{(e.InnerException is { } inner ? $" ({inner.GetType().Name}: {inner.Message})" : "")}");
                Console.WriteLine($"   {where ?? e.StackTrace}");
                failures++;
            }
        }

        return failures == 0 ? 0 : 1;
    }

    private static async Task<bool> RunOnceAsync(string provider, string label, int count, string repo, Dictionary<string, string?> extra, bool probe = false, bool seedOnly = false)
    {
        var folder = Path.Combine(Path.GetTempPath(), "caa-dispatch-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string? pgDatabase = null;
        string connectionString;
        if (provider == "Sqlite")
        {
            connectionString = $"Data Source={Path.Combine(folder, "bench.db")}";
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable("CAA_BENCH_PG")
                ?? throw new InvalidOperationException("CAA_BENCH_PG (a connection string to a maintenance database) is not set.");
            pgDatabase = "caa_bench_" + Guid.NewGuid().ToString("N")[..12];
            await ExecuteAdminAsync(admin, $"CREATE DATABASE \"{pgDatabase}\"");
            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = pgDatabase }.ConnectionString;
        }

        var keep = Environment.GetEnvironmentVariable("CAA_BENCH_KEEP") is { Length: > 0 };
        var site = new BenchSite(provider, connectionString, folder, Path.Combine(repo, "content"), extra);
        try
        {
            var services = site.Services; // starts the host: migrations, curriculum import, job registration
            if (probe)
            {
                await ParameterProbe.RunAsync(services, label, Math.Min(count, 20_000));
                return true;
            }

            var seed = Stopwatch.StartNew();
            var (users, work) = await SeedAsync(services, provider, count, analyzeAll);
            Console.WriteLine($"   seeded {users} people and {work} open work items due in 24 h ({seed.Elapsed.TotalSeconds:0.0} s, not timed)");
            if (seedOnly)
            {
                keep = true;
                return true;
            }

            // ---- the measurement ----
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
            var workingSetBefore = CurrentWorkingSet();
            Allocations.Reset();
            Allocations.Enabled = true;
            var gen2Before = GC.CollectionCount(2);
            Timings.Reset();
            Timings.Enabled = true;
            using var sampler = new PeakSampler();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            (int Reminders, int Notices) result;
            long managedAfter, workingSetAfter;
            TimeSpan cpu;
            await using (var scope = services.CreateAsyncScope())
            {
                var dispatcher = scope.ServiceProvider.GetRequiredService<Dispatcher>();
                result = await dispatcher.RemindAsync();
                clock.Stop();
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                Timings.Enabled = false;
                sampler.Stop();
                managedAfter = GC.GetTotalMemory(forceFullCollection: true); // with the scope (context, writer) still alive
                workingSetAfter = CurrentWorkingSet();
            }

            Allocations.Enabled = false;
            var allocated = Allocations.Bytes;
            var gen2 = GC.CollectionCount(2) - gen2Before;
            var breakdown = Timings.Snapshot();

            // ---- verification (not timed) ----
            var (reminderRows, notifiedRows, inboxRows) = await CountAsync(services);
            var second = Stopwatch.StartNew();
            (int Reminders, int Notices) again;
            await using (var scope = services.CreateAsyncScope())
            {
                again = await scope.ServiceProvider.GetRequiredService<Dispatcher>().RemindAsync();
            }

            second.Stop();
            var (reminderRows2, _, inboxRows2) = await CountAsync(services);

            Console.WriteLine($"{label}: {result.Reminders} reminders in {clock.Elapsed.TotalSeconds:0.00} s, managed memory {Mb(managedAfter - managedBefore)} MB, working set {Mb(workingSetAfter - workingSetBefore)} MB");
            Console.WriteLine($"   during the call: peak managed heap {Mb(sampler.PeakManaged - managedBefore)} MB, peak working set {Mb(sampler.PeakWorkingSet - workingSetBefore)} MB, allocated {allocated / 1048576.0:0} MB in total, {gen2} gen-2 GCs; this process used {cpu.TotalSeconds:0.00} s of CPU (load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
            var db = TimeSpan.Zero;
            foreach (var row in breakdown)
            {
                db += row.Total;
                var detail = string.Join(", ", new[] { row.Rows > 0 ? $"{row.Rows} rows" : null, row.MaxParameters > 0 ? $"up to {row.MaxParameters} parameters each" : null }.Where(x => x is not null));
                Console.WriteLine($"   {row.Name,-52} {row.Count,5} x  {row.Total.TotalSeconds,6:0.000} s{(detail.Length > 0 ? $"  ({detail})" : "")}");
            }

            Console.WriteLine($"   {"the rest (.NET; on PostgreSQL also its one write, EF times it 0 s)",-52}        {(clock.Elapsed - db).TotalSeconds,6:0.000} s");
            Console.WriteLine($"   second RemindAsync (idempotency): {again.Reminders} reminders, {again.Notices} notices in {second.Elapsed.TotalMilliseconds:0} ms");

            var ok = true;
            void Check(bool condition, string what)
            {
                if (!condition)
                {
                    Console.WriteLine($"   FAILED: {what}");
                    ok = false;
                }
            }

            Check(result.Reminders == count, $"RemindAsync reported {result.Reminders} reminders, expected {count}");
            Check(result.Notices == count, $"RemindAsync reported {result.Notices} notices, expected {count}");
            Check(reminderRows == count, $"{reminderRows} rows in reflections_reminders, expected {count}");
            Check(notifiedRows == count, $"{notifiedRows} reminder rows marked notified, expected {count}");
            Check(inboxRows == count, $"{inboxRows} reminder notices in notifications_inbox, expected {count}");
            Check(again.Reminders == 0 && again.Notices == 0, $"second RemindAsync created {again.Reminders} reminders and {again.Notices} notices, expected 0");
            Check(reminderRows2 == count && inboxRows2 == count, $"after the second RemindAsync: {reminderRows2} reminders, {inboxRows2} notices");
            Console.WriteLine(ok ? "   verified: exactly one reminder row and one inbox notice per work item; second pass created nothing" : "   verification FAILED");
            return ok;
        }
        finally
        {
            await site.DisposeAsync();
            Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
            if (keep)
            {
                Console.WriteLine($"   kept the database: {connectionString}");
            }
            else if (pgDatabase is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAdminAsync(Environment.GetEnvironmentVariable("CAA_BENCH_PG")!, $"DROP DATABASE IF EXISTS \"{pgDatabase}\" WITH (FORCE)");
            }
            else
            {
                SqliteConnection.ClearAllPools();
            }

            try
            {
                if (!keep)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<(int Users, int Work)> SeedAsync(IServiceProvider services, string provider, int count, bool analyzeAll)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTime.UtcNow;
        string[] languages = ["en", "sv", "da", "fi"];
        var cohort = Guid.NewGuid();
        var people = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();

        await using var transaction = await db.Database.BeginTransactionAsync();
        var schedule = new ScheduledAssignment
        {
            CohortId = cohort,
            LessonKey = "m1-role-and-mandate/reflection",
            ModuleId = "m1-role-and-mandate",
            ModuleNumber = 1,
            Kind = AssignmentKind.Reflection,
            ReleaseUtc = now.AddDays(-6),
            DueUtc = now.AddHours(24),
            ReleasedUtc = now.AddDays(-6),
            CreatedUtc = now.AddDays(-30),
        };
        db.Add(schedule);
        await db.SaveChangesAsync();

        string[] userColumns = ["Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp", "ConcurrencyStamp",
            "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName", "Language", "CreatedUtc"];
        var connection = db.Database.GetDbConnection();
        var sqlite = provider == "Sqlite";
        var users = await Seeder.InsertAsync(connection, transaction.GetDbTransaction(), sqlite, "core_users", userColumns, people.Select((id, i) =>
        {
            var email = $"trainee{i:D6}@bench.local";
            return new object?[] { id, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString(),
                false, false, true, 0, $"Bench Trainee {i:D6}", languages[i % languages.Length], now.AddDays(-30) };
        }));

        string[] workColumns = ["ScheduledId", "CohortId", "UserId", "LessonKey", "DueUtc", "HasExtension", "Active", "Status", "Versions", "ReleasedUtc", "Revision"];
        var work = await Seeder.InsertAsync(connection, transaction.GetDbTransaction(), sqlite, "reflections_work", workColumns, people.Select((id, i) =>
            new object?[] { schedule.Id, cohort, id, schedule.LessonKey, now.AddHours(24).AddSeconds(i % 3600), false, true, WorkStatus.Open.ToString(), 0, now.AddDays(-6), 0 }));
        await transaction.CommitAsync();

        if (provider == "PostgreSql")
        {
            // Autovacuum would have analysed the seeded tables by now. reflections_reminders and
            // notifications_inbox stay as a new site has them: empty and never analysed, unless
            // --analyze-all (statistics taken while they were empty, as a maintenance ANALYZE after the
            // migrations leaves them; see bench/README.md for what that does to the reminder INSERT … SELECT).
            // Vacuumed too, and checkpointed: the seeding's own background work (autovacuum of 200,000 new
            // rows, the checkpoint it causes) would otherwise land inside the timed call.
            await db.Database.ExecuteSqlRawAsync(analyzeAll ? "VACUUM ANALYZE" : "VACUUM ANALYZE core_users, reflections_work, reflections_schedule");
            await db.Database.ExecuteSqlRawAsync("CHECKPOINT");
        }

        // The dispatcher joins work to people: the seeded keys must match the way EF stores them.
        var joined = await db.Set<AssignmentWork>().Join(db.Users, w => w.UserId, u => u.Id, (w, u) => w.Id).CountAsync();
        if (joined != count)
        {
            throw new InvalidOperationException($"seeding: {joined} of {count} work rows join core_users");
        }

        return (users, work);
    }

    private static async Task<(int Reminders, int Notified, int Inbox)> CountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reminders = await db.Set<Reminder>().CountAsync(r => r.Kind == ReminderKind.BeforeDue);
        // A reminder row is written by the statement that writes its notice: it counts as notified when the notice exists.
        var notified = await db.Set<Reminder>().CountAsync(r => r.Kind == ReminderKind.BeforeDue
            && db.Set<InboxItem>().Any(i => i.Key == "reflections:remind:" + r.WorkId + ":BeforeDue"));
        var inbox = await db.Set<InboxItem>().CountAsync(i => i.Key.StartsWith("reflections:remind:"));
        return (reminders, notified, inbox);
    }

    private static async Task ExecuteAdminAsync(string admin, string sql)
    {
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static long CurrentWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static string Mb(long bytes) => (bytes >= 0 ? "+" : "") + (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChangeAgentAcademy.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ChangeAgentAcademy.sln not found above " + AppContext.BaseDirectory);
    }
}
