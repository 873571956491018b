using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Modules;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Curriculum.Services;

internal sealed class ProgrammeOutline(CurriculumCatalog catalog, DbContext db, CompletedLessons completed) : IProgrammeOutline
{
    /// <summary>When an assignment's front matter gives no due offset.</summary>
    public const int DefaultDueOffsetDays = 10;

    public async Task<IReadOnlyList<OutlineModule>> ModulesAsync(string track, string language, CancellationToken cancellationToken = default)
    {
        var snapshot = await catalog.GetForOverviewAsync(cancellationToken);
        return snapshot.ForTrack(track)
            .Select(m => new OutlineModule(m.Id, snapshot.ModuleText(m.Id, language)?.Value.Title ?? m.Id, m.Lessons.Select(l => l.Key).ToList()))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<Guid, int>> LessonsDoneAsync(IReadOnlyCollection<Guid> people, IReadOnlyCollection<string> lessonKeys, CancellationToken cancellationToken = default)
    {
        if (people.Count == 0 || lessonKeys.Count == 0)
        {
            return new Dictionary<Guid, int>();
        }

        if (people.Count == 1)
        {
            // One person (the start page's completion panel): from the keys the request reads once for its panels.
            var person = people.First();
            var done = await completed.OfAsync(person, cancellationToken);
            var count = lessonKeys.Distinct(StringComparer.Ordinal).Count(done.Contains);
            return count == 0 ? new Dictionary<Guid, int>() : new Dictionary<Guid, int> { [person] = count };
        }

        return await db.Set<LessonCompletion>()
            .Where(c => EF.Parameter(people).Contains(c.UserId) && EF.Parameter(lessonKeys).Contains(c.LessonKey))
            .GroupBy(c => c.UserId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
    }

    public async Task<IReadOnlyList<OutlineAssignment>> AssignmentsAsync(string track, CancellationToken cancellationToken = default)
    {
        var snapshot = await catalog.GetForOverviewAsync(cancellationToken);
        return snapshot.ForTrack(track)
            .SelectMany((m, index) => m.Items
                .Where(i => i.Kind != LessonKind.Lesson)
                .Select(i => new OutlineAssignment(i.Key, m.Id, index + 1, i.Kind == LessonKind.Reflection ? "reflection" : "practical", i.PracticalType, i.DueOffsetDays ?? DefaultDueOffsetDays)))
            .ToList();
    }

    public async Task<AssignmentText?> AssignmentTextAsync(string key, string language, CancellationToken cancellationToken = default)
    {
        var snapshot = await catalog.GetForOverviewAsync(cancellationToken);
        var item = snapshot.Modules.SelectMany(m => m.Items).FirstOrDefault(i => i.Key == key && i.Kind != LessonKind.Lesson);
        if (item is null || snapshot.LessonText(key, language) is not { } text)
        {
            return null;
        }

        var moduleTitle = snapshot.ModuleText(item.ModuleId, language)?.Value.Title ?? item.ModuleId;
        return new AssignmentText(key, item.ModuleId, moduleTitle, text.Value.Title, text.Value.Prompt, text.Value.Html, $"/learn/{item.ModuleId}/{item.Slug}");
    }

    public async Task<OutlineRubric?> RubricAsync(string key, string language, CancellationToken cancellationToken = default)
    {
        var snapshot = await catalog.GetForOverviewAsync(cancellationToken);
        return snapshot.Rubric(key, language)?.Value is { } rubric
            ? new OutlineRubric(key, rubric.Title, rubric.Criteria.Select(c => new OutlineCriterion(c.Id, c.Name, c.Levels)).ToList(), rubric.GuidanceHtml)
            : null;
    }
}

/// <summary>The curriculum's Markdown pipeline (raw HTML off, sanitized) for text people write, e.g. feedback.</summary>
internal sealed class SafeMarkdown(MarkdownRenderer renderer) : IMarkdownRenderer
{
    public string ToSafeHtml(string markdown) => renderer.RenderPersonText(markdown).Html;
}
