using System.Globalization;
using System.Text.Json;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// One pass of the schedule, run every minute by Hangfire and safe to run twice at once, on two nodes
/// or after a crash: every effect has a unique row (a release's ReleasedUtc, a reminder per work and
/// kind, a digest per trainer and day, a notice per key) and is claimed by a conditional statement
/// inside the transaction that writes its notices, so an effect happens once or, on a crash, not yet.
/// </summary>
public sealed class Dispatcher(
    DbContext db,
    AssignmentScheduler scheduler,
    ICohortDirectory cohorts,
    INotifier notifier,
    NoticeWriter writer,
    ProgrammeTime time,
    IOptions<ReflectionOptions> options)
{
    private static readonly string[] WorkColumns = ["ScheduledId", "CohortId", "UserId", "LessonKey", "DueUtc", "HasExtension", "Active", "Status", "Versions", "ReleasedUtc", "Revision"];

    public async Task<DispatchResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var scheduled = await scheduler.SyncAsync(cancellationToken);
        var (released, created, releaseNotices) = await ReleaseAsync(cancellationToken);
        created += await SyncMembersAsync(cancellationToken);
        var overdue = await MarkOverdueAsync(cancellationToken);
        var (reminders, reminderNotices) = await RemindAsync(cancellationToken);
        var digests = await DigestAsync(cancellationToken);
        return new DispatchResult(scheduled, released, created, overdue, reminders, digests, releaseNotices + reminderNotices + digests);
    }

    /// <summary>Releases every assignment whose time has come: the work rows of the cohort's enrolled members and their notices.</summary>
    public async Task<(int Released, int WorkCreated, int Notices)> ReleaseAsync(CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow;
        var due = await db.Set<ScheduledAssignment>().AsNoTracking()
            .Where(s => s.ReleasedUtc == null && s.ReleaseUtc <= now)
            .OrderBy(s => s.ReleaseUtc)
            .ToListAsync(cancellationToken);
        int released = 0, created = 0, notices = 0;
        foreach (var schedule in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Set<ScheduledAssignment>()
                .Where(s => s.Id == schedule.Id && s.ReleasedUtc == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.ReleasedUtc, now), cancellationToken);
            if (claimed == 0)
            {
                continue; // another run released it
            }

            var members = (await cohorts.EnrolledMembersAsync([schedule.CohortId], cancellationToken)).Select(m => m.PersonId).ToList();
            created += await InsertWorkAsync(schedule, members, now, cancellationToken);
            notices += await NotifyReleasedAsync(schedule, members, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            released++;
        }

        return (released, created, notices);
    }

    /// <summary>People who joined after a release get its work; people who left stop counting (and being reminded).</summary>
    public async Task<int> SyncMembersAsync(CancellationToken cancellationToken = default)
    {
        var stamp = await cohorts.MembershipStampAsync(cancellationToken);
        var state = await db.Set<DispatcherState>().FirstOrDefaultAsync(s => s.Id == 1, cancellationToken);
        if (state?.MembershipStamp == stamp)
        {
            return 0;
        }

        var now = time.UtcNow;
        var released = await db.Set<ScheduledAssignment>().AsNoTracking().Where(s => s.ReleasedUtc != null).ToListAsync(cancellationToken);
        var members = await cohorts.EnrolledMembersAsync(released.Select(s => s.CohortId).Distinct().ToList(), cancellationToken);
        var byCohort = members.ToLookup(m => m.CohortId, m => m.PersonId);
        var work = await db.Set<AssignmentWork>().AsNoTracking().Select(w => new { w.Id, w.ScheduledId, w.CohortId, w.UserId, w.Active }).ToListAsync(cancellationToken);
        var have = work.Select(w => (w.ScheduledId, w.UserId)).ToHashSet();
        var enrolled = members.ToHashSet();

        var created = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var schedule in released)
        {
            var missing = byCohort[schedule.CohortId].Where(p => !have.Contains((schedule.Id, p))).ToList();
            if (missing.Count > 0)
            {
                created += await InsertWorkAsync(schedule, missing, now, cancellationToken);
                await NotifyReleasedAsync(schedule, missing, cancellationToken);
            }
        }

        var leave = work.Where(w => w.Active && !enrolled.Contains((w.CohortId, w.UserId))).Select(w => w.Id).ToList();
        var back = work.Where(w => !w.Active && enrolled.Contains((w.CohortId, w.UserId))).Select(w => w.Id).ToList();
        foreach (var chunk in leave.Chunk(1000))
        {
            await db.Set<AssignmentWork>().Where(w => chunk.Contains(w.Id)).ExecuteUpdateAsync(u => u.SetProperty(w => w.Active, false), cancellationToken);
        }

        foreach (var chunk in back.Chunk(1000))
        {
            await db.Set<AssignmentWork>().Where(w => chunk.Contains(w.Id)).ExecuteUpdateAsync(u => u.SetProperty(w => w.Active, true), cancellationToken);
        }

        if (state is null)
        {
            db.Set<DispatcherState>().Add(new DispatcherState { Id = 1, MembershipStamp = stamp, LastRunUtc = now });
        }
        else
        {
            state.MembershipStamp = stamp;
            state.LastRunUtc = now;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two runs created the state row at once: the other one's sync stands; ours retries next minute.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return 0;
        }

        return created;
    }

    /// <summary>Work whose due date passed with nothing submitted is marked overdue, once.</summary>
    public Task<int> MarkOverdueAsync(CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow;
        return db.Set<AssignmentWork>()
            .Where(w => w.Active && w.Status == WorkStatus.Open && w.DueUtc < now && w.OverdueUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.OverdueUtc, now), cancellationToken);
    }

    /// <summary>
    /// Reminders, per kind, in a few statements whatever their number: find which notice texts are
    /// needed (assignment, language, due minute: a few hundred for 100,000 reminders), write those texts
    /// in .NET in each language, then let the database write every reminder row and its notice in one
    /// INSERT … SELECT that joins the work to the texts (passed as one JSON parameter); SQLite uses two
    /// statements in one write transaction. The reminder's key (work, kind) and the notice's key make each
    /// once, however many dispatchers run at the same time.
    /// </summary>
    public async Task<(int Reminders, int Notices)> RemindAsync(CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow;
        int reminders = 0, notices = 0;
        foreach (var kind in new[] { ReminderKind.BeforeDue, ReminderKind.AfterDue })
        {
            var (r, n) = await RemindAsync(kind, ScheduleRules.ReminderWindow(kind, now, options.Value), now, cancellationToken);
            reminders += r;
            notices += n;
        }

        return (reminders, notices);
    }

    /// <summary>One row of the texts a reminder run needs (raw SQL result).</summary>
    private sealed class TextKey
    {
        public string LessonKey { get; set; } = "";

        public string Language { get; set; } = "";

        public string Minute { get; set; } = "";
    }

    private sealed class WriteCounts
    {
        public int Reminders { get; set; }

        public int Notices { get; set; }
    }

    private async Task<(int Reminders, int Notices)> RemindAsync(ReminderKind kind, DueWindow window, DateTime now, CancellationToken cancellationToken)
    {
        var sql = SqlDialect.Of(db);
        // {0} kind, {1} open, {2} revision requested, {3} window after, {4} window up to, {5} true, {6} texts (JSON), {7} now.
        // Every fragment below is a constant of this class or the dialect; values travel as parameters.
        var statuses = kind == ReminderKind.BeforeDue ? "({1}, {2})" : "({1})";
        var inWindow = $"SELECT w.\"Id\" AS id, w.\"UserId\" AS person, w.\"LessonKey\" AS k, COALESCE(u.\"Language\", '') AS l, {sql.MinuteOf("w.\"DueUtc\"")} AS m "
            + "FROM \"reflections_work\" AS w JOIN \"core_users\" AS u ON u.\"Id\" = w.\"UserId\" "
            + $"WHERE w.\"Active\" = {{5}} AND w.\"Status\" IN {statuses} AND w.\"DueUtc\" > {{3}} AND w.\"DueUtc\" <= {{4}}";
        var due = inWindow + " AND NOT EXISTS (SELECT 1 FROM \"reflections_reminders\" AS r WHERE r.\"WorkId\" = w.\"Id\" AND r.\"Kind\" = {0})";
        object[] args = [kind.ToString(), WorkStatus.Open.ToString(), WorkStatus.RevisionRequested.ToString(), window.After, window.UpTo, true, "", now];

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The reminders that are due, computed once: SQLite keeps them in a temporary table for the
        // statements of this transaction; PostgreSQL and SQL Server compute them in each statement's CTE.
        string source;
        if (sql.Engine == SqlEngine.Sqlite)
        {
            // In person order, numbered by rowid: the notices' Guids (from the number) and their person
            // index entries then both grow in order (0.13 s less for 100,000 than in work order).
            var fill = $"CREATE TEMP TABLE caa_due_reminders AS {due} ORDER BY w.\"UserId\"";
            await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS temp.caa_due_reminders", cancellationToken);
            await db.Database.ExecuteSqlRawAsync(fill, args, cancellationToken);
            source = "temp.caa_due_reminders";
        }
        else
        {
            source = $"({due})";
        }

        var needed = $"SELECT DISTINCT x.k AS \"LessonKey\", x.l AS \"Language\", x.m AS \"Minute\" FROM {source} AS x";
        var keys = await db.Database.SqlQueryRaw<TextKey>(needed, args).ToListAsync(cancellationToken);
        int reminders = 0, notices = 0;
        if (keys.Count > 0)
        {
            args[6] = await TextsJsonAsync(kind, keys, cancellationToken);
            // PostgreSQL writes from the window without NOT EXISTS: a statement that inserts into the table its
            // anti-join reads could scan its own new rows for every candidate (153 s for 100,000 with a plan made
            // while the table was empty); ON CONFLICT skips the reminded ones, and only work sharing a text
            // with a new reminder gets that far.
            var rows = sql.Engine switch
            {
                SqlEngine.Sqlite => "",
                SqlEngine.Postgres => $"x AS {sql.Materialized}({inWindow}), ",
                _ => $"x AS {source}, ",
            };
            var with = $"WITH t AS {sql.Materialized}({sql.JsonRows("{6}", "k", "l", "m", "s", "b")}), " + rows
                + $"c AS (SELECT x.id, x.person, {(sql.Engine == SqlEngine.Sqlite ? "x.rowid" : "x.id")} AS seq, t.s, t.b "
                + $"FROM {(sql.Engine == SqlEngine.Sqlite ? source : "x")} AS x JOIN t ON t.k = x.k AND t.l = x.l AND t.m = x.m) ";
            string Notices(string from) => notifier.InsertFromSql(
                $"(SELECT c.seq AS \"Seq\", {sql.Concat("'reflections:remind:'", "c.id", "':'", "{0}")} AS \"Key\", c.person AS \"PersonId\", "
                + $"c.s AS \"Subject\", c.b AS \"Body\", {sql.Concat("'/reflections/'", "c.id")} AS \"Url\" FROM {from})",
                "{7}");
            const string insertReminders = "INSERT INTO \"reflections_reminders\" (\"WorkId\", \"Kind\", \"CreatedUtc\") SELECT c.id, {0}, {7} FROM c";
            if (sql.Engine == SqlEngine.Postgres)
            {
                // One statement, reminders and notices from the same rows; a second dispatcher running at the
                // same moment waits on the unique keys (work and kind; notice key) and skips what this one wrote.
                var statement = with
                    + $", r AS ({insertReminders} ON CONFLICT DO NOTHING RETURNING 1), "
                    + $"n AS ({Notices("c")} RETURNING 1) "
                    + "SELECT CAST((SELECT count(*) FROM r) AS integer) AS \"Reminders\", CAST((SELECT count(*) FROM n) AS integer) AS \"Notices\"";
                // The planner takes each CTE for one row and would join them in nested loops (2.8 s for 5,000
                // reminders); hash joins do 100,000 in one pass. SET LOCAL ends with this transaction.
                await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_nestloop = off", cancellationToken);
                var counts = await db.Database.SqlQueryRaw<WriteCounts>(statement, args).ToListAsync(cancellationToken);
                (reminders, notices) = (counts[0].Reminders, counts[0].Notices);
            }
            else
            {
                // SQLite: the transaction holds the one write lock, so both statements see the same reminders.
                // SQL Server (not run here): a concurrent run fails on the unique keys and retries next minute.
                var writeNotices = with + Notices("c");
                var writeReminders = with + insertReminders + (sql.HasOnConflict ? " WHERE 1 = 1 ON CONFLICT DO NOTHING" : "");
                notices = await db.Database.ExecuteSqlRawAsync(writeNotices, args, cancellationToken);
                reminders = await db.Database.ExecuteSqlRawAsync(writeReminders, args, cancellationToken);
            }
        }

        if (sql.Engine == SqlEngine.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE temp.caa_due_reminders", cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (reminders, notices);
    }

    /// <summary>Each needed text once, in the recipient's language: subject and body with the assignment's title and due time.</summary>
    private async Task<string> TextsJsonAsync(ReminderKind kind, IReadOnlyList<TextKey> keys, CancellationToken cancellationToken)
    {
        var rows = new List<Dictionary<string, string>>(keys.Count);
        foreach (var key in keys)
        {
            var language = NoticeWriter.Language(key.Language);
            var title = await writer.TitleAsync(key.LessonKey, language, cancellationToken);
            var due = DateTime.ParseExact(key.Minute, SqlDialect.MinuteFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            var notice = writer.Write("", Guid.Empty, language, kind.ToString(), null, title, due);
            rows.Add(new() { ["k"] = key.LessonKey, ["l"] = key.Language, ["m"] = key.Minute, ["s"] = notice.Subject, ["b"] = notice.Body });
        }

        return JsonSerializer.Serialize(rows);
    }

    /// <summary>Each trainer with reviews waiting gets one digest a day, after the digest hour (programme time).</summary>
    public async Task<int> DigestAsync(CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow;
        var local = time.ToLocal(now);
        if (local.Hour < options.Value.DigestHour)
        {
            return 0;
        }

        var period = DateOnly.FromDateTime(local);
        var open = await cohorts.OpenCohortsAsync(cancellationToken);
        var waiting = await db.Set<AssignmentWork>()
            .Where(w => w.Active && w.Status == WorkStatus.Submitted)
            .GroupBy(w => w.CohortId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var perTrainer = open.SelectMany(c => c.Trainers.Select(t => (Trainer: t, Waiting: waiting.GetValueOrDefault(c.Id))))
            .GroupBy(x => x.Trainer)
            .Select(g => (Trainer: g.Key, Waiting: g.Sum(x => x.Waiting)))
            .Where(x => x.Waiting > 0)
            .ToList();
        if (perTrainer.Count == 0)
        {
            return 0;
        }

        var trainerIds = perTrainer.Select(p => p.Trainer).ToList();
        var done = await db.Set<TrainerDigest>().Where(d => d.Period == period && trainerIds.Contains(d.TrainerId)).Select(d => d.TrainerId).ToListAsync(cancellationToken);
        var languages = await db.Users().Where(u => trainerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Language, cancellationToken);
        var sent = 0;
        foreach (var (trainer, count) in perTrainer.Where(p => !done.Contains(p.Trainer)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.InsertIgnoringConflictsAsync("reflections_digests", ["TrainerId", "Period", "Waiting", "CreatedUtc"], ["TrainerId", "Period"], [[trainer, period, count, now]], cancellationToken);
            if (claimed == 1)
            {
                var notice = writer.Write($"reflections:digest:{trainer:N}:{period:yyyyMMdd}", trainer, languages.GetValueOrDefault(trainer) ?? "en", "Digest", "/review", count);
                await notifier.NotifyManyAsync([notice], cancellationToken);
                sent++;
            }

            await transaction.CommitAsync(cancellationToken);
        }

        return sent;
    }

    private Task<int> InsertWorkAsync(ScheduledAssignment schedule, IReadOnlyList<Guid> people, DateTime now, CancellationToken cancellationToken)
    {
        var open = WorkStatus.Open.ToString();
        var rows = people.Select(p => new object?[] { schedule.Id, schedule.CohortId, p, schedule.LessonKey, schedule.DueUtc, false, true, open, 0, now, 0 });
        return db.InsertIgnoringConflictsAsync("reflections_work", WorkColumns, ["ScheduledId", "UserId"], rows, cancellationToken);
    }

    private async Task<int> NotifyReleasedAsync(ScheduledAssignment schedule, IReadOnlyList<Guid> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return 0;
        }

        var work = await db.Set<AssignmentWork>().Where(w => w.ScheduledId == schedule.Id && people.Contains(w.UserId))
            .Join(db.Users(), w => w.UserId, u => u.Id, (w, u) => new { w.Id, w.UserId, w.DueUtc, u.Language }).ToListAsync(cancellationToken);
        var list = new List<Notice>(work.Count);
        foreach (var w in work)
        {
            var language = NoticeWriter.Language(w.Language);
            var title = await writer.TitleAsync(schedule.LessonKey, language, cancellationToken);
            list.Add(writer.Write($"reflections:released:{w.Id}", w.UserId, language, "Released", $"/reflections/{w.Id}", title, w.DueUtc));
        }

        return await notifier.NotifyManyAsync(list, cancellationToken);
    }
}
