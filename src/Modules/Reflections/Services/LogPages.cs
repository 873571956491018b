using System.Globalization;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Reading for the practical log pages: the person's list, the editor, and the checks a posted log must pass.</summary>
public sealed class LogPages(DbContext db, IEnumerable<IPersonEvents> events, ProgrammeTime time, IProgrammeOutline outline, ICohortDirectory cohorts)
{
    /// <summary>The person's open practical assignment whose type matches the log's (the one a hand-in goes to).</summary>
    public async Task<AssignmentWork?> OpenPracticalAsync(Guid me, string type)
    {
        var placement = await cohorts.FindPlacementAsync(me);
        var assignments = await outline.AssignmentsAsync(placement?.Track ?? "trainee");
        var keys = assignments.Where(a => a.PracticalType == type).Select(a => a.Key).ToList();
        var candidates = await db.Set<AssignmentWork>().Where(w => w.UserId == me && keys.Contains(w.LessonKey)).OrderBy(w => w.DueUtc).ToListAsync();
        return candidates.FirstOrDefault(WorkService.IsWritable);
    }

    /// <summary>The assignment whose rubric the log is (or will be) reviewed against: the one it was handed in as, else the open one of its type.</summary>
    private async Task<string?> AssignmentKeyAsync(PracticalLog log) =>
        log.WorkId is { } workId
            ? await db.Set<AssignmentWork>().Where(w => w.Id == workId).Select(w => w.LessonKey).FirstOrDefaultAsync()
            : (await OpenPracticalAsync(log.UserId, log.Type))?.LessonKey;

    public Task<List<LogRow>> ListAsync(Guid me) =>
        db.Set<PracticalLog>().Where(l => l.UserId == me).OrderByDescending(l => l.UpdatedUtc)
            .Select(l => new LogRow(l.Id, l.Type, l.Title, l.UpdatedUtc, l.WorkId != null, l.FollowsLogId)).ToListAsync();

    /// <summary>
    /// What is wrong with a posted log (nothing is saved when anything is): the fields, the title, and the links,
    /// which must be the person's own (an earlier PDSA test of theirs, an event they took part in).
    /// </summary>
    public async Task<List<LogProblem>> ProblemsAsync(PracticalLog log, string title, IReadOnlyDictionary<string, string> fields, long? follows, string? eventRef, bool handIn)
    {
        var me = log.UserId;
        var problems = PracticalLogService.Validate(log.Type, fields, complete: handIn);
        if (title.Length == 0)
        {
            problems.Add(new("title", "LogTitleMissing"));
        }

        if (follows is { } f && (f == log.Id || !await db.Set<PracticalLog>().AnyAsync(l => l.Id == f && l.UserId == me && l.Type == "pdsa")))
        {
            problems.Add(new("follows", "LogLinkInvalid"));
        }

        if (!string.IsNullOrEmpty(eventRef) && (await EventChoicesAsync(log.Type, me)).All(c => c.Ref != eventRef))
        {
            problems.Add(new("eventRef", "LogLinkInvalid"));
        }

        return problems;
    }

    /// <summary>The events of the person a log of this type can be linked to, newest first.</summary>
    public async Task<IReadOnlyList<PersonEvent>> EventChoicesAsync(string type, Guid me)
    {
        if (LogTypes.EventKind(type) is not { } kind)
        {
            return [];
        }

        var list = new List<PersonEvent>();
        foreach (var source in events)
        {
            list.AddRange((await source.ForPersonAsync(me, time.UtcNow.AddYears(-1), time.UtcNow.AddDays(60))).Where(e => e.Kind == kind));
        }

        return list.OrderByDescending(e => e.StartsUtc).ToList();
    }

    /// <summary>The editor with what was typed (and the problems, or the possible citizen details found in the hand-in text).</summary>
    public async Task<LogEditorViewModel> EditorAsync(PracticalLog log, IReadOnlyDictionary<string, string> fields, string title, long? follows, string? eventRef, IReadOnlyList<LogProblem>? problems, LogHandInReceipt? confirm = null)
    {
        var me = log.UserId;
        var earlier = log.Type == "pdsa"
            ? await db.Set<PracticalLog>().Where(l => l.UserId == me && l.Type == "pdsa" && l.Id != log.Id).OrderByDescending(l => l.CreatedUtc).Select(l => new FilterOption(l.Id.ToString(CultureInfo.InvariantCulture), l.Title == "" ? "#" + l.Id : l.Title)).ToListAsync()
            : [];
        var choices = (await EventChoicesAsync(log.Type, me)).Select(e => new FilterOption(e.Ref, $"{e.Title} · {time.Format(e.StartsUtc)}")).ToList();
        var next = await db.Set<PracticalLog>().Where(l => l.FollowsLogId == log.Id && l.UserId == me).Select(l => new FilterOption(l.Id.ToString(CultureInfo.InvariantCulture), l.Title)).ToListAsync();
        var findings = confirm?.Receipt.Findings;
        var assignmentKey = await AssignmentKeyAsync(log);
        return new LogEditorViewModel(log.Id, log.Type, title, fields, follows?.ToString(CultureInfo.InvariantCulture), eventRef, earlier, choices, next, log.WorkId, problems ?? [], Guid.NewGuid().ToString("N"), log.Origin,
            findings is null ? null : FindingMarks.MarkedParagraphs(confirm!.Text.Trim(), findings),
            findings?.Select(x => x.Kind).Distinct().ToList() ?? [], assignmentKey);
    }
}
