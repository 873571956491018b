using System.Globalization;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.ViewModels;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Reading for a trainee's own assignment pages: the list and the writing page.</summary>
public sealed class ReflectionPages(DbContext db, WorkService work, IProgrammeOutline outline, ICohortDirectory cohorts, ProgrammeTime time)
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public async Task<ReflectionListViewModel> ListAsync(Guid me)
    {
        var now = time.UtcNow;
        var rows = await (from w in db.Set<AssignmentWork>()
                          join s in db.Set<ScheduledAssignment>() on w.ScheduledId equals s.Id
                          where w.UserId == me && w.Active
                          orderby w.DueUtc
                          select new { w.Id, w.LessonKey, s.Kind, w.Status, s.ReleaseUtc, w.DueUtc, w.HasExtension, w.Versions, HasDraft = w.Draft != null, w.CohortId, w.LastSubmittedUtc }).ToListAsync();
        var placement = await cohorts.FindPlacementAsync(me);

        // Work from an earlier cohort says which one, so the current cohort's name never stands over it.
        var others = rows.Select(r => r.CohortId).Where(c => c != placement?.CohortId).Distinct().ToList();
        var names = others.Count == 0 ? new Dictionary<Guid, string>() : await cohorts.NamesAsync(others);
        var list = new List<WorkRow>();
        foreach (var r in rows)
        {
            var text = await outline.AssignmentTextAsync(r.LessonKey, Language);
            list.Add(new WorkRow(r.Id, text?.Title ?? r.LessonKey, text?.ModuleTitle ?? "", r.Kind, ScheduleRules.StatusWord(r.Status, r.DueUtc, now), r.ReleaseUtc, r.DueUtc, r.HasExtension, r.Versions, r.HasDraft, r.LastSubmittedUtc)
            {
                EarlierCohort = r.CohortId == placement?.CohortId ? null : names.GetValueOrDefault(r.CohortId),
            });
        }

        var upcoming = new List<UpcomingRow>();
        if (placement is not null)
        {
            var future = await db.Set<ScheduledAssignment>().Where(s => s.CohortId == placement.CohortId && s.ReleasedUtc == null).OrderBy(s => s.ReleaseUtc).ToListAsync();
            foreach (var s in future)
            {
                var text = await outline.AssignmentTextAsync(s.LessonKey, Language);
                upcoming.Add(new UpcomingRow(text?.Title ?? s.LessonKey, text?.ModuleTitle ?? "", s.ReleaseUtc, s.DueUtc));
            }
        }

        return new ReflectionListViewModel(list.Where(r => r.Status is "open" or "overdue" or "revision").ToList(), list.Where(r => r.Status is "submitted" or "accepted").ToList(), upcoming, placement?.CohortName);
    }

    /// <summary>The writing page for <paramref name="item"/> with <paramref name="text"/> in the editor (and the findings marked, when asked to confirm).</summary>
    public async Task<EditorViewModel> EditorAsync(AssignmentWork item, string text, IReadOnlyList<CitizenDataFinding>? findings)
    {
        var assignment = await outline.AssignmentTextAsync(item.LessonKey, Language);
        var kind = await db.Set<ScheduledAssignment>().Where(s => s.Id == item.ScheduledId).Select(s => s.Kind).FirstAsync();
        var versions = await WorkHistory.VersionsAsync(db, item.Id);
        var feedback = await WorkHistory.FeedbackWithMarksAsync(db, outline, item.Id, item.LessonKey, Language);
        var placement = await cohorts.FindPlacementAsync(item.UserId);
        var practicalType = kind == AssignmentKind.Practical
            ? (await outline.AssignmentsAsync(placement?.Track ?? "trainee")).FirstOrDefault(a => a.Key == item.LessonKey)?.PracticalType
            : null;
        return new EditorViewModel
        {
            Id = item.Id,
            Title = assignment?.Title ?? item.LessonKey,
            ModuleTitle = assignment?.ModuleTitle ?? "",
            Prompt = assignment?.Prompt,
            InstructionsHtml = assignment?.InstructionsHtml ?? "",
            LessonUrl = assignment?.Url,
            LessonKey = item.LessonKey,
            Kind = kind,
            LogType = LogTypes.IsKnown(practicalType) ? practicalType : null,
            Status = ScheduleRules.StatusWord(item.Status, item.DueUtc, time.UtcNow),
            DueUtc = item.DueUtc,
            HasExtension = item.HasExtension,
            Writable = WorkService.IsWritable(item),
            // A revision starts from the last submitted version when there is no newer draft.
            Text = text.Length == 0 && item.Status == WorkStatus.RevisionRequested && versions.Count > 0 ? versions[0].Text : text,
            DraftSavedUtc = item.DraftSavedUtc,
            LastSubmittedUtc = item.LastSubmittedUtc,
            Token = Guid.NewGuid().ToString("N"),
            MaxLength = work.MaxLength,
            PersonId = item.UserId,
            Versions = versions,
            Feedback = feedback,
            Findings = findings is null ? null : FindingMarks.MarkedParagraphs(text.Trim(), findings),
            FindingKinds = findings?.Select(f => f.Kind).Distinct().ToList() ?? [],
            LatestDiff = versions.Count > 1 ? LineDiff.Compare(versions[1].Text, versions[0].Text) : null,
        };
    }
}
