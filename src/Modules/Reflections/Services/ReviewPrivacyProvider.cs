using System.Globalization;
using ChangeAgentAcademy.Privacy;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>
/// The review tables' personal data (rubric marks and the trainers' comment banks), beside the module's own provider.
/// A trainer's export has their saved comments and the marks they gave; a trainee's has the marks on their work.
/// Erasure deletes the trainer's comment bank and keeps their marks without their id (the trainee's record stays whole).
/// </summary>
public sealed class ReviewPrivacyProvider(DbContext db, IStringLocalizer<ReflectionsText> S) : IPrivacyProvider
{
    public string Module => "Reflections.Review";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(RubricMark), [nameof(RubricMark.TrainerId)], "Privacy.RubricMarks.Purpose", "Privacy.RubricMarks.Readers", null, ErasureAction.Anonymise),
        new(typeof(SavedComment), [nameof(SavedComment.OwnerId), nameof(SavedComment.Text)], "Privacy.SavedComments.Purpose", "Privacy.SavedComments.Readers", null, ErasureAction.Delete),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var comments = await db.Set<SavedComment>().AsNoTracking().Where(c => c.OwnerId == personId).OrderBy(c => c.Id)
            .Select(c => new { c.Text, c.CreatedUtc, c.UpdatedUtc }).ToListAsync(cancellationToken);
        var given = await (from m in db.Set<RubricMark>().AsNoTracking()
                           join s in db.Set<Submission>() on m.SubmissionId equals s.Id
                           where m.TrainerId == personId
                           orderby m.CreatedUtc
                           select new { s.WorkId, Version = s.Number, m.CriterionId, m.Level, m.CreatedUtc }).ToListAsync(cancellationToken);
        var received = await (from m in db.Set<RubricMark>().AsNoTracking()
                              join s in db.Set<Submission>() on m.SubmissionId equals s.Id
                              join w in db.Set<AssignmentWork>() on s.WorkId equals w.Id
                              where w.UserId == personId
                              orderby m.CreatedUtc
                              select new { w.LessonKey, Version = s.Number, m.CriterionId, m.Level, m.CreatedUtc }).ToListAsync(cancellationToken);
        var data = new { SavedComments = comments, MarksGiven = given, MarksReceived = received };
        var n = (int count) => count.ToString(CultureInfo.CurrentCulture);
        return new PrivacyExportPart(Module, data,
        [
            new(S["CommentBank"].Value, n(comments.Count)),
            new(S["Privacy.MarksGiven"].Value, n(given.Count)),
            new(S["Privacy.MarksReceived"].Value, n(received.Count)),
        ]);
    }

    public Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ErasureHold>>([]);

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<SavedComment>().Where(c => c.OwnerId == personId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<RubricMark>().Where(m => m.TrainerId == personId).ExecuteUpdateAsync(u => u.SetProperty(m => m.TrainerId, (Guid?)null), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Nothing expires on its own: marks go with the version they mark, saved comments with the account.</summary>
    public Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RetentionCount>>([]);
}
