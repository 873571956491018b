using System.Globalization;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.ViewModels;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Text;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>Reading for the authoring pages: every lesson's state per language, the editor, history and diff.</summary>
public sealed class AuthoringPages(DbContext db, CurriculumCatalog catalog, ImportReportHolder reports)
{
    public async Task<AuthoringIndexViewModel> IndexAsync()
    {
        var snapshot = await catalog.GetAsync();
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var drafts = await db.Set<LessonVersion>().Where(v => v.Status == VersionStatus.Draft)
            .GroupBy(v => new { v.LessonKey, v.Language }).Select(g => new { g.Key.LessonKey, g.Key.Language, Number = g.Max(v => v.Number) }).ToListAsync();
        var numbers = await (from s in db.Set<LessonLanguageState>() join v in db.Set<LessonVersion>() on s.PublishedVersionId equals v.Id select new { v.LessonKey, v.Language, v.Number }).ToListAsync();
        var conflicts = await db.Set<ImportConflict>().AsNoTracking().Where(c => c.Resolution == null).OrderBy(c => c.DetectedUtc)
            .Select(c => new ConflictRow(c.Id, c.LessonKey, c.Language, c.File, c.IncomingTitle, c.DetectedUtc)).ToListAsync();

        var modules = snapshot.Modules.Select(m => (
            snapshot.ModuleText(m.Id, language)?.Value.Title ?? m.Id,
            (IReadOnlyList<AuthoringRow>)m.Items.Select(i => new AuthoringRow(
                m.Id, i.Slug, i.Kind, snapshot.LessonText(i.Key, language)?.Value.Title ?? i.Slug,
                ProgrammeOptions.Languages.Select(l =>
                {
                    var published = numbers.FirstOrDefault(n => n.LessonKey == i.Key && n.Language == l)?.Number;
                    var draft = drafts.FirstOrDefault(d => d.LessonKey == i.Key && d.Language == l)?.Number;
                    return new LanguageStatusRow(l, published, draft > (published ?? 0), conflicts.Any(c => c.LessonKey == i.Key && c.Language == l));
                }).ToList())).ToList())).ToList();
        return new AuthoringIndexViewModel(modules, conflicts, reports.Last);
    }

    /// <summary>The lesson's kind, or null when there is no such lesson or the language is not one of the programme's.</summary>
    public async Task<LessonKind?> KindAsync(string module, string lesson, string language)
    {
        var key = $"{module}/{lesson}";
        var item = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync(l => l.Key == key);
        return item is null || !ProgrammeOptions.IsSupported(language) ? null : item.Kind;
    }

    /// <summary>The editor with the newest text (draft or published) of the lesson in the language; null when there is no such lesson.</summary>
    public async Task<EditLessonViewModel?> EditorAsync(string module, string lesson, string language)
    {
        if (await KindAsync(module, lesson, language) is not { } kind)
        {
            return null;
        }

        var key = $"{module}/{lesson}";
        var state = await db.Set<LessonLanguageState>().AsNoTracking().FirstOrDefaultAsync(s => s.LessonKey == key && s.Language == language);
        var latest = await db.Set<LessonVersion>().AsNoTracking().Where(v => v.LessonKey == key && v.Language == language && v.Status != VersionStatus.Superseded)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync();
        return new EditLessonViewModel
        {
            ModuleId = module,
            Slug = lesson,
            Language = language,
            Kind = kind,
            Title = latest?.Title,
            ReadingMinutes = latest?.ReadingMinutes ?? 5,
            Prompt = latest?.Prompt,
            Markdown = latest?.Markdown,
            Revision = state?.Revision ?? 0,
            BasedOnNumber = latest?.Number,
            BasedOnDraft = latest?.Status == VersionStatus.Draft,
            PreviewHtml = latest?.Html,
        };
    }

    /// <summary>The rubric editor of an assignment in a language (its current rubric, padded with empty rows to eight); null when it is not an assignment.</summary>
    public async Task<EditRubricViewModel?> RubricEditorAsync(string module, string lesson, string language)
    {
        if (await KindAsync(module, lesson, language) is not { } kind || kind == LessonKind.Lesson)
        {
            return null;
        }

        var key = $"{module}/{lesson}";
        var rubrics = await db.Set<AssignmentRubric>().AsNoTracking().Where(r => r.LessonKey == key).ToListAsync();
        var mine = rubrics.FirstOrDefault(r => r.Language == language);
        var rows = mine is null ? [] : System.Text.Json.JsonSerializer.Deserialize<List<RubricRow>>(mine.CriteriaJson, ContentImporter.RubricJson) ?? [];
        var snapshot = await catalog.GetAsync();
        var model = new EditRubricViewModel
        {
            ModuleId = module,
            Slug = lesson,
            Language = language,
            AssignmentTitle = snapshot.LessonText(key, language)?.Value.Title ?? key,
            Title = mine?.Title,
            Guidance = mine?.GuidanceMarkdown,
            Criteria = rows.Select(r => new RubricCriterionEditRow { Id = r.Id, Name = r.Name, Level1 = r.Levels.ElementAtOrDefault(0), Level2 = r.Levels.ElementAtOrDefault(1), Level3 = r.Levels.ElementAtOrDefault(2) }).ToList(),
        };
        return WithOtherIds(model, rubrics.Where(r => r.Language != language).Select(r => r.CriteriaJson));
    }

    /// <summary>The form as posted (kept on error), padded to eight rows, with the other languages' ids.</summary>
    public async Task<EditRubricViewModel> RubricFormAsync(EditRubricViewModel posted)
    {
        var key = $"{posted.ModuleId}/{posted.Slug}";
        var others = await db.Set<AssignmentRubric>().AsNoTracking().Where(r => r.LessonKey == key && r.Language != posted.Language).Select(r => r.CriteriaJson).ToListAsync();
        posted.AssignmentTitle = (await catalog.GetAsync()).LessonText(key, posted.Language)?.Value.Title ?? key;
        return WithOtherIds(posted, others);
    }

    private static EditRubricViewModel WithOtherIds(EditRubricViewModel model, IEnumerable<string> otherJson)
    {
        while (model.Criteria.Count < RubricRules.MaxCriteria)
        {
            model.Criteria.Add(new RubricCriterionEditRow());
        }

        model.OtherLanguageIds = otherJson.SelectMany(j => System.Text.Json.JsonSerializer.Deserialize<List<RubricRow>>(j, ContentImporter.RubricJson) ?? []).Select(r => r.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        return model;
    }

    /// <summary>What someone else published meanwhile, and the revision to edit on from: for the editor after a conflict.</summary>
    public async Task<(string? PublishedMarkdown, int Revision)> CurrentAsync(string module, string lesson, string language)
    {
        var key = $"{module}/{lesson}";
        var state = await db.Set<LessonLanguageState>().AsNoTracking().FirstAsync(s => s.LessonKey == key && s.Language == language);
        var markdown = await db.Set<LessonVersion>().Where(v => v.Id == state.PublishedVersionId).Select(v => v.Markdown).FirstOrDefaultAsync();
        return (markdown, state.Revision);
    }

    /// <summary>Every version of the lesson in the language, newest first; null when there is none.</summary>
    public async Task<HistoryViewModel?> HistoryAsync(string module, string lesson, string language)
    {
        var versions = await VersionsAsync($"{module}/{lesson}", language);
        return versions.Count == 0 ? null : new HistoryViewModel(module, lesson, language, versions[0].Title, versions);
    }

    /// <summary>Two versions compared line by line (title and prompt included); null when either is not a version of this lesson and language.</summary>
    public async Task<DiffViewModel?> DiffAsync(string module, string lesson, string language, long from, long to)
    {
        var key = $"{module}/{lesson}";
        var texts = await db.Set<LessonVersion>().AsNoTracking().Where(v => v.LessonKey == key && v.Language == language && (v.Id == from || v.Id == to))
            .Select(v => new { v.Id, v.Markdown, v.Title, v.Prompt }).ToListAsync();
        var a = texts.FirstOrDefault(x => x.Id == from);
        var b = texts.FirstOrDefault(x => x.Id == to);
        if (a is null || b is null)
        {
            return null;
        }

        var versions = await VersionsAsync(key, language);
        static string Whole(string title, string? prompt, string markdown) => $"# {title}\n\n{(prompt is null ? "" : prompt + "\n\n")}{markdown}";
        return new DiffViewModel(module, lesson, language, versions.First(v => v.Id == from), versions.First(v => v.Id == to),
            LineDiff.Compare(Whole(a.Title, a.Prompt, a.Markdown), Whole(b.Title, b.Prompt, b.Markdown)));
    }

    private async Task<List<VersionRow>> VersionsAsync(string key, string language) =>
        await db.Set<LessonVersion>().AsNoTracking()
            .Where(v => v.LessonKey == key && v.Language == language)
            .OrderByDescending(v => v.Number)
            .Select(v => new VersionRow(v.Id, v.Number, v.Status, v.Source, v.Title, v.CreatedUtc,
                db.Set<AppUser>().Where(u => u.Id == v.CreatedBy).Select(u => u.DisplayName).FirstOrDefault(),
                v.PublishedUtc,
                db.Set<AppUser>().Where(u => u.Id == v.PublishedBy).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync();
}
