using System.Text.Json;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Curriculum.Services;

public sealed class CurriculumCatalog(DbContext db, IMemoryCache cache, IOptions<ProgrammeOptions> programme, GenerationWatch watch)
{
    // Scoped: within one request the generation is looked up once, however many callers ask.
    private CurriculumSnapshot? current;

    public async Task<CurriculumSnapshot> GetAsync(CancellationToken cancellationToken = default) =>
        current ??= await LoadAsync(relaxed: false, cancellationToken);

    /// <summary>
    /// For overviews and readers' pages (lessons, modules, the programme, the kit): the generation comes from
    /// <see cref="GenerationWatch"/> (this node's publishes at once, another node's within about a second),
    /// which saves the lookup on every request. Authors and writers use <see cref="GetAsync"/>, which always checks.
    /// </summary>
    public async Task<CurriculumSnapshot> GetForOverviewAsync(CancellationToken cancellationToken = default) =>
        current ??= await LoadAsync(relaxed: true, cancellationToken);

    /// <summary>What a reader's page shows: the same as <see cref="GetForOverviewAsync"/> (issue #18: the generation
    /// lookup was a sixth of a lesson page's CPU).</summary>
    public Task<CurriculumSnapshot> GetForReadersAsync(CancellationToken cancellationToken = default) =>
        GetForOverviewAsync(cancellationToken);

    private async Task<CurriculumSnapshot> LoadAsync(bool relaxed, CancellationToken cancellationToken)
    {
        if (!relaxed || !watch.TryGetFresh(out var generation))
        {
            generation = await GenerationWatch.ReadAsync(db, cancellationToken);
            watch.Saw(generation);
        }

        var key = "curriculum:snapshot:" + generation;
        if (cache.TryGetValue(key, out CurriculumSnapshot? snapshot) && snapshot is not null)
        {
            return snapshot;
        }

        snapshot = await BuildAsync(generation, cancellationToken);
        cache.Set(key, snapshot, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 });
        return snapshot;
    }

    private async Task<CurriculumSnapshot> BuildAsync(long generation, CancellationToken cancellationToken)
    {
        var modules = await db.Set<ProgrammeModule>().AsNoTracking().ToListAsync(cancellationToken);
        var lessons = await db.Set<Lesson>().AsNoTracking().ToListAsync(cancellationToken);
        var moduleTexts = await db.Set<ModuleText>().AsNoTracking().ToListAsync(cancellationToken);
        var published = await (from s in db.Set<LessonLanguageState>()
                               join v in db.Set<LessonVersion>() on s.PublishedVersionId equals v.Id
                               select new { v.LessonKey, v.Id, v.Number, v.Language, v.Title, v.ReadingMinutes, v.Prompt, v.Html, v.TocHtml }).AsNoTracking().ToListAsync(cancellationToken);
        var kit = await db.Set<KitDocument>().AsNoTracking().ToListAsync(cancellationToken);
        var kitTexts = await db.Set<KitDocumentText>().AsNoTracking().ToListAsync(cancellationToken);
        var rubrics = await db.Set<AssignmentRubric>().AsNoTracking().ToListAsync(cancellationToken);

        var items = modules
            .OrderBy(m => m.Order).ThenBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => new ModuleItem(
                m.Id,
                m.Order,
                m.Tracks.Split(',', StringSplitOptions.RemoveEmptyEntries),
                lessons.Where(l => l.ModuleId == m.Id)
                    .OrderBy(l => l.Order).ThenBy(l => l.Slug, StringComparer.Ordinal)
                    .Select(l => new LessonItem(l.Key, l.ModuleId, l.Slug, l.Order, l.Kind, l.DueOffsetDays, l.PracticalType))
                    .ToList()))
            .ToList();
        return new CurriculumSnapshot(
            generation,
            items,
            moduleTexts.ToDictionary(t => (t.ModuleId, t.Language), t => new ModuleTextView(t.Language, t.Title, t.Summary, t.IntroHtml, t.ObjectivesHtml)),
            published.ToDictionary(p => (p.LessonKey, p.Language), p => new LessonText(p.Id, p.Number, p.Language, p.Title, p.ReadingMinutes, p.Prompt, p.Html, p.TocHtml)),
            programme.Value.DefaultLanguage,
            kit.OrderBy(d => KitKindOrder(d.Kind)).ThenBy(d => d.Order).ThenBy(d => d.Id, StringComparer.Ordinal)
                .Select(d => new KitItem(d.Id, d.Kind, d.Audience.Split(',', StringSplitOptions.RemoveEmptyEntries), d.Track, d.Order)).ToList(),
            kitTexts.ToDictionary(t => (t.DocId, t.Language), t => new KitText(t.Language, t.Title, t.Summary, t.Html, t.TocHtml)),
            rubrics.ToDictionary(r => (r.LessonKey, r.Language), r => new RubricView(r.LessonKey, r.Language, r.Title, JsonSerializer.Deserialize<List<RubricRow>>(r.CriteriaJson, ContentImporter.RubricJson) ?? [], r.GuidanceHtml)));
    }

    private static int KitKindOrder(string kind)
    {
        var index = ContentFile.KitKinds.ToList().IndexOf(kind);
        return index < 0 ? int.MaxValue : index;
    }
}
