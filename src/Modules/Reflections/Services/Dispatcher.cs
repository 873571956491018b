using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Reflections.Services;

public sealed record DispatchResult(int Scheduled, int Released, int WorkCreated, int Overdue, int Reminders, int Digests, int Notices);

/// <summary>
/// One pass of the schedule, run every minute by Hangfire and safe to run twice at once, on two nodes
/// or after a crash: every effect has a unique row (a release's ReleasedUtc, a reminder per work and
/// kind, a digest per trainer and day, a notice per key) and is claimed by a conditional statement
/// inside the transaction that writes its notices, so an effect happens once or, on a crash, not yet.
/// </summary>
public sealed class Dispatcher(
    AppDbContext db,
    AssignmentScheduler scheduler,
    ICohortDirectory cohorts,
    INotifier notifier,
    NoticeWriter writer,
    ProgrammeTime time,
    IOptions<ReflectionOptions> options)
{
    private static readonly string[] WorkColumns = ["ScheduledId", "CohortId", "UserId", "LessonKey", "DueUtc", "HasExtension", "Active", "Status", "Versions", "ReleasedUtc", "Revision"];
    private static readonly string[] ReminderColumns = ["WorkId", "Kind", "CreatedUtc"];

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
    /// Reminders in two set-based steps: insert the reminder rows that are due (the unique key drops
    /// those that exist), then claim un-notified rows in batches and write their notices in the same transaction.
    /// </summary>
    public async Task<(int Reminders, int Notices)> RemindAsync(CancellationToken cancellationToken = default)
    {
        var now = time.UtcNow;
        var settings = options.Value;
        var inserted = 0;
        foreach (var kind in new[] { ReminderKind.BeforeDue, ReminderKind.AfterDue })
        {
            var window = ScheduleRules.ReminderWindow(kind, now, settings);
            inserted += await InsertRemindersAsync(kind, window, now, cancellationToken);
        }

        var notices = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Claim a batch with one statement, read it with one join, write its notices, mark it: a handful
            // of statements per 5,000 reminders. A claim left by a crashed run expires.
            var token = Guid.NewGuid();
            var claimedUntil = now.AddMinutes(5);
            var claimed = await db.Set<Reminder>()
                .Where(r => r.NotifiedUtc == null && (r.ClaimedUntilUtc == null || r.ClaimedUntilUtc < now))
                .OrderBy(r => r.WorkId)
                .Take(settings.BatchSize)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ClaimToken, token).SetProperty(r => r.ClaimedUntilUtc, claimedUntil), cancellationToken);
            if (claimed == 0)
            {
                await transaction.CommitAsync(cancellationToken);
                break;
            }

            var rows = await (from r in db.Set<Reminder>()
                              join w in db.Set<AssignmentWork>() on r.WorkId equals w.Id
                              join u in db.Users on w.UserId equals u.Id
                              where r.ClaimToken == token
                              select new { r.Kind, w.Id, w.UserId, w.LessonKey, w.DueUtc, w.Status, w.Active, u.Language }).AsNoTracking().ToListAsync(cancellationToken);
            var list = new List<Notice>(rows.Count);
            foreach (var w in rows)
            {
                // The work may have been submitted (or the trainee left) since the reminder row was made: say nothing then.
                if (!w.Active || w.Status is not (WorkStatus.Open or WorkStatus.RevisionRequested))
                {
                    continue;
                }

                var language = NoticeWriter.Language(w.Language);
                var title = await writer.TitleAsync(w.LessonKey, language, cancellationToken);
                list.Add(writer.Write($"reflections:remind:{w.Id}:{w.Kind}", w.UserId, language, w.Kind.ToString(), $"/reflections/{w.Id}", title, w.DueUtc));
            }

            notices += await notifier.NotifyManyAsync(list, cancellationToken);
            await db.Set<Reminder>().Where(r => r.ClaimToken == token)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.NotifiedUtc, now).SetProperty(r => r.ClaimedUntilUtc, (DateTime?)null), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return (inserted, notices);
    }

    private Task<int> InsertRemindersAsync(ReminderKind kind, DueWindow window, DateTime now, CancellationToken cancellationToken)
    {
        // One INSERT … SELECT: open work due inside the window, and not yet reminded of this kind.
        var open = WorkStatus.Open.ToString();
        var revision = WorkStatus.RevisionRequested.ToString();
        var kindName = kind.ToString();
        // ON CONFLICT alone on SQLite and PostgreSQL: with a NOT EXISTS as well, PostgreSQL could plan a nested
        // anti-join over the table the statement fills (153 s for 100,000 rows after an ANALYZE of an empty
        // table). SQL Server has no ON CONFLICT and keeps NOT EXISTS.
        var sqlServer = (db.Database.ProviderName ?? "").Contains("SqlServer", StringComparison.Ordinal);
        var conflict = sqlServer ? "" : " ON CONFLICT (\"WorkId\", \"Kind\") DO NOTHING";
        var notExists = sqlServer ? "AND NOT EXISTS (SELECT 1 FROM \"reflections_reminders\" r WHERE r.\"WorkId\" = w.\"Id\" AND r.\"Kind\" = {0})" : "";
        var statusFilter = kind == ReminderKind.BeforeDue ? "w.\"Status\" IN ({1}, {2})" : "w.\"Status\" = {1}";
        var sql =
            "INSERT INTO \"reflections_reminders\" (\"WorkId\", \"Kind\", \"CreatedUtc\") " +
            "SELECT w.\"Id\", {0}, {3} FROM \"reflections_work\" w " +
            $"WHERE w.\"Active\" = {{6}} AND {statusFilter} AND w.\"DueUtc\" > {{4}} AND w.\"DueUtc\" <= {{5}} " +
            notExists + conflict;
        return db.Database.ExecuteSqlRawAsync(sql, [kindName, open, revision, now, window.After, window.UpTo, true], cancellationToken);
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
        var languages = await db.Users.Where(u => trainerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Language, cancellationToken);
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
            .Join(db.Users, w => w.UserId, u => u.Id, (w, u) => new { w.Id, w.UserId, w.DueUtc, u.Language }).ToListAsync(cancellationToken);
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
