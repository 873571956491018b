using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.ViewModels;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>A work item's versions (newest first) and its feedback, as both the trainee's and the trainer's pages show them.</summary>
public static class WorkHistory
{
    public static Task<List<VersionRow>> VersionsAsync(DbContext db, long workId) =>
        db.Set<Submission>().Where(s => s.WorkId == workId).OrderByDescending(s => s.Number)
            .Select(s => new VersionRow(s.Number, s.SubmittedUtc, s.Late, s.SubmittedDespiteWarning, s.Text)).ToListAsync();

    public static Task<List<FeedbackRow>> FeedbackAsync(DbContext db, long workId) =>
        (from r in db.Set<Review>()
         join u in db.Set<AppUser>() on r.TrainerId equals u.Id
         where r.WorkId == workId
         orderby r.CreatedUtc descending
         select new FeedbackRow(r.VersionNumber, u.DisplayName, r.Decision, r.FeedbackHtml, r.CreatedUtc)).ToListAsync();

    /// <summary>The feedback with each review's marked rubric (criterion names and descriptors in <paramref name="language"/>).</summary>
    public static async Task<List<FeedbackRow>> FeedbackWithMarksAsync(DbContext db, IProgrammeOutline outline, long workId, string lessonKey, string language)
    {
        var rows = await FeedbackAsync(db, workId);
        var marks = await (from m in db.Set<RubricMark>()
                           join s in db.Set<Submission>() on m.SubmissionId equals s.Id
                           where s.WorkId == workId
                           select new { s.Number, m.CriterionId, m.Level }).ToListAsync();
        if (marks.Count == 0)
        {
            return rows;
        }

        var rubric = await outline.RubricAsync(lessonKey, language);
        var order = rubric?.Criteria.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i) ?? [];
        MarkRow Row(string id, int level)
        {
            var criterion = rubric?.Criteria.FirstOrDefault(c => c.Id == id);
            return new MarkRow(criterion?.Name ?? id, level, criterion is not null && level <= criterion.Levels.Count ? criterion.Levels[level - 1] : "");
        }

        return rows.Select(r => r with
        {
            Marks = marks.Where(m => m.Number == r.Version).OrderBy(m => order.GetValueOrDefault(m.CriterionId, int.MaxValue)).Select(m => Row(m.CriterionId, m.Level)).ToList(),
        }).ToList();
    }
}
