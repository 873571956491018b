using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Resources;
using ChangeAgentAcademy.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Lesson progress, and who wrote, published or resolved lesson texts. Erasure keeps completed lessons under a new,
/// unlinked id (a lesson's completion count stays right) and forgets the author of lesson versions and import
/// decisions; the lesson texts themselves are the programme's, not the author's personal data.
/// </summary>
public sealed class CurriculumPrivacyProvider(DbContext db, IStringLocalizer<CurriculumText> S) : IPrivacyProvider
{
    public string Module => "Curriculum";

    public IReadOnlyList<PersonalDataDeclaration> Declarations { get; } =
    [
        new(typeof(LessonCompletion), [nameof(LessonCompletion.UserId)], "PrivacyPurposeProgress", "PrivacyReadersProgress", null, ErasureAction.Anonymise),
        new(typeof(LessonVersion), [nameof(LessonVersion.CreatedBy), nameof(LessonVersion.PublishedBy)], "PrivacyPurposeAuthoring", "PrivacyReadersAuthors", null, ErasureAction.Anonymise),
        new(typeof(ImportConflict), [nameof(ImportConflict.ResolvedBy)], "PrivacyPurposeAuthoring", "PrivacyReadersAuthors", null, ErasureAction.Anonymise),
    ];

    public async Task<PrivacyExportPart> ExportAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var completed = await db.Set<LessonCompletion>().AsNoTracking().Where(c => c.UserId == personId).OrderBy(c => c.CompletedUtc)
            .Select(c => new { c.LessonKey, c.CompletedUtc }).ToListAsync(cancellationToken);
        var versions = await db.Set<LessonVersion>().AsNoTracking().Where(v => v.CreatedBy == personId || v.PublishedBy == personId)
            .OrderBy(v => v.CreatedUtc)
            .Select(v => new { v.LessonKey, v.Language, v.Number, v.Title, Wrote = v.CreatedBy == personId, Published = v.PublishedBy == personId, v.CreatedUtc, v.PublishedUtc })
            .ToListAsync(cancellationToken);
        var summary = new List<PrivacySummaryLine> { new(S["PrivacyLessonsCompleted"], completed.Count.ToString(System.Globalization.CultureInfo.CurrentCulture)) };
        if (versions.Count > 0)
        {
            summary.Add(new(S["PrivacyLessonVersions"], versions.Count.ToString(System.Globalization.CultureInfo.CurrentCulture)));
        }

        return new PrivacyExportPart(Module, new { CompletedLessons = completed, LessonVersions = versions }, summary);
    }

    public Task<IReadOnlyList<ErasureHold>> HoldsAsync(Guid personId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ErasureHold>>([]);

    public async Task EraseAsync(Guid personId, CancellationToken cancellationToken = default)
    {
        var ghost = Guid.NewGuid();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.Set<LessonCompletion>().Where(c => c.UserId == personId).ExecuteUpdateAsync(u => u.SetProperty(c => c.UserId, ghost), cancellationToken);
        await db.Set<LessonVersion>().Where(v => v.CreatedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(v => v.CreatedBy, (Guid?)null), cancellationToken);
        await db.Set<LessonVersion>().Where(v => v.PublishedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(v => v.PublishedBy, (Guid?)null), cancellationToken);
        await db.Set<ImportConflict>().Where(c => c.ResolvedBy == personId).ExecuteUpdateAsync(u => u.SetProperty(c => c.ResolvedBy, (Guid?)null), cancellationToken);
        if (tx is not null)
        {
            await tx.CommitAsync(cancellationToken);
        }
    }

    public Task<IReadOnlyList<RetentionCount>> ExpireAsync(RetentionRun run, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RetentionCount>>([]);
}
