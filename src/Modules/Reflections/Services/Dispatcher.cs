using System.Globalization;
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
    /// <summary>Reminders and notices written per step: bounds the memory of the notices held at once.</summary>
    private const int RemindersPerWrite = 10_000;

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
    /// Reminders, per kind, in a few statements whatever their number: one query reads the due work that
    /// has no reminder of this kind yet (with the recipient's language), .NET writes each needed text once
    /// (assignment, language, due minute: a few hundred for 100,000 reminders), and one transaction writes
    /// the reminder rows (<see cref="BulkInsert"/>, skipping a work and kind that exist) and their notices
    /// (<see cref="INotifier.NotifyManyAsync"/>, skipping a key that exists). Those two keys make each
    /// reminder once, however many dispatchers run at the same time: SQLite lets one write transaction
    /// in at a time (the read is inside it); on PostgreSQL the second dispatcher's insert waits for the
    /// first one's reminder rows and skips them.
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

    private async Task<(int Reminders, int Notices)> RemindAsync(ReminderKind kind, DueWindow window, DateTime now, CancellationToken cancellationToken)
    {
        var engine = SqlDialect.Of(db).Engine;
        if (engine is not (SqlEngine.Sqlite or SqlEngine.Postgres) || !options.Value.RemindersInDatabase)
        {
            return await RemindReadingRowsAsync(kind, window, now, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (engine == SqlEngine.Postgres)
        {
            // The planner takes each CTE for one row and would join them in nested loops (2.8 s for 5,000
            // reminders); hash joins do 100,000 in one pass. SET LOCAL ends with this transaction.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_nestloop = off", cancellationToken);
        }

        // 1. The reminder rows, written in the database from the due work; the ids come back.
        // SQLite skips the reminded work before writing (a pass that finds nothing new stays at a read); PostgreSQL
        // leaves that to ON CONFLICT (see ReminderRows).
        var due = InWindow(kind, window);
        if (engine == SqlEngine.Sqlite)
        {
            due = due.Where(w => !db.Set<Reminder>().Any(r => r.WorkId == w.Id && r.Kind == kind));
        }

        var made = await ReminderRows.InsertAsync(db, due.OrderBy(w => w.Id).Select(w => w.Id), kind, now, cancellationToken);
        if (made.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return (0, 0);
        }

        // 2. The few texts they need (assignment, language, due minute), written here in each language.
        var rows = db.Set<AssignmentWork>().AsNoTracking().Where(w => EF.Parameter(made).Contains(w.Id)) // one array (JSON on SQLite) parameter, not 100,000
            .Join(db.Set<AppUser>(), w => w.UserId, u => u.Id, (w, u) => new
            {
                w.Id,
                w.UserId,
                w.LessonKey,
                Language = u.Language ?? "",
                Minute = ((((((long)w.DueUtc.Year * 100) + w.DueUtc.Month) * 100) + w.DueUtc.Day) * 10000) + (w.DueUtc.Hour * 100) + w.DueUtc.Minute,
            });
        var needed = await rows.Select(r => new { r.LessonKey, r.Language, r.Minute }).Distinct().ToListAsync(cancellationToken);
        var texts = new Dictionary<string, NoticeText>(needed.Count);
        foreach (var n in needed)
        {
            var text = await TextAsync(kind, n.LessonKey, n.Language, FromMinute(n.Minute), cancellationToken);
            texts[$"{n.LessonKey}|{n.Language}|{n.Minute.ToString(CultureInfo.InvariantCulture)}"] = new NoticeText(text.Subject, text.Body);
        }

        // 3. Their notices, written by Notifications from this typed query in one statement.
        var name = ":" + kind;
        var notices = await notifier.NotifyFromQueryAsync(
            rows.Select(r => new NoticeSource
            {
                Key = "reflections:remind:" + r.Id.ToString() + name,
                PersonId = r.UserId,
                TextKey = r.LessonKey + "|" + r.Language + "|" + r.Minute.ToString(),
                Url = "/reflections/" + r.Id.ToString(),
            }),
            texts,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (made.Count, notices);
    }

    /// <summary>The work a reminder of <paramref name="kind"/> is for: active, due in the window, not yet handed in.</summary>
    private IQueryable<AssignmentWork> InWindow(ReminderKind kind, DueWindow window)
    {
        // Active compared with a parameter, not read as a bare column: SQLite then searches the (Active, Status,
        // DueUtc) index instead of scanning all work in person order (0.9 s instead of 1.8 s for 100,000).
        var active = true;
        var work = db.Set<AssignmentWork>().AsNoTracking().Where(w => w.Active == active && w.DueUtc > window.After && w.DueUtc <= window.UpTo);
        return kind == ReminderKind.BeforeDue
            ? work.Where(w => w.Status == WorkStatus.Open || w.Status == WorkStatus.RevisionRequested)
            : work.Where(w => w.Status == WorkStatus.Open);
    }

    /// <summary>yyyyMMddHHmm as a number (how the query keys texts) back to the minute it names.</summary>
    private static DateTime FromMinute(long minute) => new(
        (int)(minute / 100_000_000), (int)(minute / 1_000_000 % 100), (int)(minute / 10_000 % 100), (int)(minute / 100 % 100), (int)(minute % 100), 0, DateTimeKind.Utc);

    /// <summary>
    /// Providers without a tested INSERT … SELECT (SQL Server, never run here): the due work is read, and the
    /// reminders and notices are written as typed rows per <see cref="RemindersPerWrite"/>.
    /// </summary>
    private async Task<(int Reminders, int Notices)> RemindReadingRowsAsync(ReminderKind kind, DueWindow window, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await InWindow(kind, window)
            .Where(w => !db.Set<Reminder>().Any(r => r.WorkId == w.Id && r.Kind == kind))
            .Join(db.Set<AppUser>(), w => w.UserId, u => u.Id, (w, u) => new { w.Id, w.UserId, w.LessonKey, w.DueUtc, u.Language })
            .OrderBy(x => x.UserId)
            .ToListAsync(cancellationToken);

        var texts = new Dictionary<(string LessonKey, string Language, DateTime Minute), Notice>();
        foreach (var x in due)
        {
            var key = (x.LessonKey, x.Language ?? "", ToMinute(x.DueUtc));
            if (!texts.ContainsKey(key))
            {
                texts[key] = await TextAsync(kind, key.LessonKey, key.Item2, key.Item3, cancellationToken);
            }
        }

        var name = kind.ToString();
        int reminders = 0, notices = 0;
        foreach (var chunk in due.Chunk(RemindersPerWrite))
        {
            var reminderRows = chunk.Select(x => new Reminder { WorkId = x.Id, Kind = kind, CreatedUtc = now });
            reminders += await db.InsertIgnoringConflictsAsync(reminderRows, [nameof(Reminder.WorkId), nameof(Reminder.Kind)], cancellationToken);
            var list = chunk.Select(x =>
            {
                var text = texts[(x.LessonKey, x.Language ?? "", ToMinute(x.DueUtc))];
                return new Notice($"reflections:remind:{x.Id}:{name}", x.UserId, text.Subject, text.Body, $"/reflections/{x.Id}");
            }).ToList();
            notices += await notifier.NotifyManyAsync(list, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (reminders, notices);
    }

    /// <summary>A reminder's text says the due time to the minute.</summary>
    private static DateTime ToMinute(DateTime utc) => new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);

    /// <summary>One needed text, in the recipient's language: subject and body with the assignment's title and due time.</summary>
    private async Task<Notice> TextAsync(ReminderKind kind, string lessonKey, string language, DateTime dueMinute, CancellationToken cancellationToken)
    {
        var writing = NoticeWriter.Language(language);
        var title = await writer.TitleAsync(lessonKey, writing, cancellationToken);
        return writer.Write("", Guid.Empty, writing, kind.ToString(), null, title, dueMinute);
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
        var languages = await db.Set<AppUser>().Where(u => trainerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Language, cancellationToken);
        var sent = 0;
        foreach (var (trainer, count) in perTrainer.Where(p => !done.Contains(p.Trainer)))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var digest = new TrainerDigest { TrainerId = trainer, Period = period, Waiting = count, CreatedUtc = now };
            var claimed = await db.InsertIgnoringConflictsAsync([digest], [nameof(TrainerDigest.TrainerId), nameof(TrainerDigest.Period)], cancellationToken);
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
        var rows = people.Select(p => new AssignmentWork
        {
            ScheduledId = schedule.Id,
            CohortId = schedule.CohortId,
            UserId = p,
            LessonKey = schedule.LessonKey,
            DueUtc = schedule.DueUtc,
            HasExtension = false,
            Active = true,
            Status = WorkStatus.Open,
            Versions = 0,
            ReleasedUtc = now,
            Revision = 0,
        });
        return db.InsertIgnoringConflictsAsync(rows, [nameof(AssignmentWork.ScheduledId), nameof(AssignmentWork.UserId)], cancellationToken);
    }

    private async Task<int> NotifyReleasedAsync(ScheduledAssignment schedule, IReadOnlyList<Guid> people, CancellationToken cancellationToken)
    {
        if (people.Count == 0)
        {
            return 0;
        }

        var work = await db.Set<AssignmentWork>().Where(w => w.ScheduledId == schedule.Id && people.Contains(w.UserId))
            .Join(db.Set<AppUser>(), w => w.UserId, u => u.Id, (w, u) => new { w.Id, w.UserId, w.DueUtc, u.Language }).ToListAsync(cancellationToken);
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
