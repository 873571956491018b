using System.Text.Json;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Resources;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Browser editing of an assignment's rubric in one language. The file's hash is kept, so an import of the same
/// file leaves the edit alone; a changed file (a new edition) replaces it, as the file is the source of record.
/// </summary>
public sealed class RubricEditor(DbContext db, MarkdownRenderer renderer, TimeProvider clock, IStringLocalizer<CurriculumText> S, GenerationWatch watch)
{
    /// <summary>Saves the title, criteria and the reviewers' guidance (Markdown, rendered and sanitized as the files are), audited.</summary>
    public async Task<Result> SaveAsync(string key, string language, string? title, IReadOnlyList<RubricRow> criteria, string? guidance, Guid actorId, CancellationToken cancellationToken = default)
    {
        var lesson = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync(l => l.Key == key, cancellationToken);
        if (lesson is null || lesson.Kind == LessonKind.Lesson || !ProgrammeOptions.IsSupported(language))
        {
            return Result.NotFound();
        }

        var problems = RubricRules.Validate(title, criteria).Concat(RubricRules.ValidateGuidance(guidance)).ToList();
        if (problems.Count > 0)
        {
            return Result.Invalid([.. problems.Select(p => S[p.Key, p.Args].Value)]);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var rubric = await db.Set<AssignmentRubric>().FirstOrDefaultAsync(r => r.LessonKey == key && r.Language == language, cancellationToken);
        if (rubric is null)
        {
            rubric = new AssignmentRubric { LessonKey = key, Language = language };
            db.Set<AssignmentRubric>().Add(rubric);
        }

        rubric.Title = title!.Trim();
        rubric.GuidanceMarkdown = guidance!.Trim();
        rubric.GuidanceHtml = renderer.Render(rubric.GuidanceMarkdown).Html;
        rubric.CriteriaJson = JsonSerializer.Serialize(criteria.Select(c => new RubricRow(c.Id.Trim(), c.Name.Trim(), c.Levels.Select(l => l.Trim()).ToList())).ToList(), ContentImporter.RubricJson);
        var published = await ContentImporter.BumpGenerationAsync(db, cancellationToken);
        db.AddAudit(now, actorId, "curriculum.rubric-edited", $"{key}/{language}", $"{criteria.Count} criteria");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        watch.Published(published);
        return Result.Success();
    }
}
