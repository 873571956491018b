using ChangeAgentAcademy.Data;
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
}
