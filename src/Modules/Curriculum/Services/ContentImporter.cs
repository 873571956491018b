using System.Security.Cryptography;
using System.Text;
using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Imports content/{lang}/{module}/*.md. Idempotent: a file whose hash was imported before changes
/// nothing. A changed file for a lesson that was edited in the browser since the last import becomes an
/// <see cref="ImportConflict"/> instead of overwriting the edit. A broken file is reported (file and line)
/// and skipped; everything else is imported.
/// </summary>
public sealed partial class ContentImporter(DbContext db, MarkdownRenderer renderer, TimeProvider clock, ImportReportHolder holder, ILogger<ContentImporter> logger, GenerationWatch watch)
{
    /// <summary>
    /// The start's import: nothing (null) when the folder's <see cref="ContentFolderHash"/> equals the one the last
    /// import without issues stored (one query, and the files read once to hash them), else <see cref="ImportAsync"/>.
    /// </summary>
    public async Task<ImportReport?> ImportIfChangedAsync(string contentRoot, CancellationToken cancellationToken = default)
    {
        var fingerprint = ContentFolderHash.Of(contentRoot);
        if (fingerprint is not null
            && await db.Set<ContentFingerprint>().AsNoTracking().Where(f => f.Id == 1 && f.Value == fingerprint).Select(f => (DateTime?)f.ImportedUtc).FirstOrDefaultAsync(cancellationToken) is { } imported)
        {
            logger.LogInformation("Content import skipped: {Root} has not changed since the import of {Imported:u}", contentRoot, imported);
            return null;
        }

        return await ImportAsync(contentRoot, fingerprint, null, cancellationToken);
    }

    public Task<ImportReport> ImportAsync(string contentRoot, Guid? actorId, CancellationToken cancellationToken = default) =>
        ImportAsync(contentRoot, ContentFolderHash.Of(contentRoot), actorId, cancellationToken);

    /// <param name="fingerprint">The folder's fingerprint taken before reading it: a file changed during the import then changes it again.</param>
    private async Task<ImportReport> ImportAsync(string contentRoot, string? fingerprint, Guid? actorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var issues = new List<ContentIssue>();
        int created = 0, unchanged = 0, conflicts = 0;
        if (!Directory.Exists(contentRoot))
        {
            issues.Add(new(contentRoot, 0, "NoFolder"));
            return Finish(new ImportReport(0, 0, 0, issues, now));
        }

        // One transaction: a run that fails half-way leaves nothing half-imported.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var modules = await db.Set<ProgrammeModule>().ToDictionaryAsync(m => m.Id, cancellationToken);
        var moduleTexts = await db.Set<ModuleText>().ToDictionaryAsync(t => (t.ModuleId, t.Language), cancellationToken);
        var lessons = await db.Set<Lesson>().ToDictionaryAsync(l => l.Key, cancellationToken);
        var states = await db.Set<LessonLanguageState>().ToDictionaryAsync(s => (s.LessonKey, s.Language), cancellationToken);
        var numbers = (await db.Set<LessonVersion>().GroupBy(v => new { v.LessonKey, v.Language }).Select(g => new { g.Key.LessonKey, g.Key.Language, Max = g.Max(v => v.Number) }).ToListAsync(cancellationToken))
            .ToDictionary(x => (x.LessonKey, x.Language), x => x.Max);
        var openConflicts = await db.Set<ImportConflict>().Where(c => c.Resolution == null).ToListAsync(cancellationToken);
        var kit = new KitImport(
            await db.Set<KitDocument>().ToDictionaryAsync(d => d.Id, cancellationToken),
            await db.Set<KitDocumentText>().ToDictionaryAsync(t => (t.DocId, t.Language), cancellationToken),
            await db.Set<AssignmentRubric>().ToDictionaryAsync(r => (r.LessonKey, r.Language), cancellationToken));
        CheckTranslations(contentRoot, issues);

        foreach (var languageDir in Directory.GetDirectories(contentRoot).OrderBy(d => d, StringComparer.Ordinal))
        {
            var language = Path.GetFileName(languageDir);
            if (!ProgrammeOptions.IsSupported(language))
            {
                issues.Add(new(Relative(contentRoot, languageDir), 0, "NotALanguage", language));
                continue;
            }

            foreach (var moduleDir in Directory.GetDirectories(languageDir).OrderBy(d => d, StringComparer.Ordinal))
            {
                var moduleId = Path.GetFileName(moduleDir);
                if (moduleId == KitFolder)
                {
                    created += await ImportKitAsync(contentRoot, moduleDir, language, kit, issues, cancellationToken);
                    continue;
                }

                var moduleFile = Path.Combine(moduleDir, "module.md");
                if (!File.Exists(moduleFile))
                {
                    issues.Add(new(Relative(contentRoot, moduleDir), 0, "NoModuleFile"));
                    continue;
                }

                var moduleText = await File.ReadAllTextAsync(moduleFile, cancellationToken);
                var (module, moduleIssue) = ContentFile.Parse(Relative(contentRoot, moduleFile), moduleText, isModule: true);
                if (module is null)
                {
                    issues.Add(moduleIssue!);
                    continue;
                }

                if (module.Meta.Id != moduleId)
                {
                    issues.Add(new(Relative(contentRoot, moduleFile), 2, "IdMismatch", module.Meta.Id));
                    continue;
                }

                var tracks = string.Join(',', module.Meta.Tracks!.Select(t => t.Trim().ToLowerInvariant()).Order());
                if (!modules.TryGetValue(moduleId, out var entity))
                {
                    entity = new ProgrammeModule { Id = moduleId };
                    db.Set<ProgrammeModule>().Add(entity);
                    modules[moduleId] = entity;
                }

                entity.Order = module.Meta.Order!.Value;
                entity.Tracks = tracks;
                var moduleHash = Hash(moduleText);
                if (!moduleTexts.TryGetValue((moduleId, language), out var text))
                {
                    text = new ModuleText { ModuleId = moduleId, Language = language };
                    db.Set<ModuleText>().Add(text);
                    moduleTexts[(moduleId, language)] = text;
                }

                if (text.Hash != moduleHash)
                {
                    text.Title = module.Meta.Title!;
                    text.Summary = module.Meta.Summary ?? "";
                    text.IntroHtml = renderer.Render(module.Body).Html;
                    text.Hash = moduleHash;
                    created++;
                }

                var objectivesFile = Path.Combine(moduleDir, ObjectivesFile);
                if (File.Exists(objectivesFile))
                {
                    created += await ImportObjectivesAsync(contentRoot, objectivesFile, text, issues, cancellationToken);
                }

                var files = Directory.GetFiles(moduleDir, "*.md").Select(Path.GetFileName).OfType<string>().Where(f => f is not ("module.md" or ObjectivesFile)).ToList();
                foreach (var file in files.Where(f => !IsRubric(f)).Select(f => Path.Combine(moduleDir, f)).OrderBy(f => f, StringComparer.Ordinal))
                {
                    var relative = Relative(contentRoot, file);
                    var raw = await File.ReadAllTextAsync(file, cancellationToken);
                    var (parsed, issue) = ContentFile.Parse(relative, raw, isModule: false);
                    if (parsed is null)
                    {
                        issues.Add(issue!);
                        continue;
                    }

                    var slug = Path.GetFileNameWithoutExtension(file);
                    if (parsed.Meta.Id != slug)
                    {
                        issues.Add(new(relative, 2, "IdMismatch", parsed.Meta.Id));
                        continue;
                    }

                    var key = $"{moduleId}/{slug}";
                    if (!lessons.TryGetValue(key, out var lesson))
                    {
                        lesson = new Lesson { Key = key, ModuleId = moduleId, Slug = slug };
                        db.Set<Lesson>().Add(lesson);
                        lessons[key] = lesson;
                    }

                    lesson.Order = parsed.Meta.Order!.Value;
                    lesson.Kind = Enum.Parse<LessonKind>(parsed.Meta.Kind!, ignoreCase: true);
                    lesson.PracticalType = parsed.Meta.PracticalType;
                    lesson.DueOffsetDays = parsed.Meta.DueOffsetDays;

                    var hash = Hash(raw);
                    if (!states.TryGetValue((key, language), out var state))
                    {
                        state = new LessonLanguageState { LessonKey = key, Language = language };
                        db.Set<LessonLanguageState>().Add(state);
                        states[(key, language)] = state;
                    }

                    if (state.ImportedHash == hash)
                    {
                        unchanged++;
                        continue;
                    }

                    var minutes = parsed.Meta.ReadingTime ?? MarkdownRenderer.ReadingMinutes(MarkdownRenderer.CountWords(parsed.Body));
                    if (state.EditedSinceImport)
                    {
                        var open = openConflicts.FirstOrDefault(c => c.LessonKey == key && c.Language == language);
                        if (open?.IncomingHash == hash)
                        {
                            unchanged++;
                            continue;
                        }

                        if (open is null)
                        {
                            open = new ImportConflict { LessonKey = key, Language = language };
                            db.Set<ImportConflict>().Add(open);
                            openConflicts.Add(open);
                        }

                        open.File = relative;
                        open.IncomingHash = hash;
                        open.IncomingTitle = parsed.Meta.Title!;
                        open.IncomingReadingMinutes = minutes;
                        open.IncomingPrompt = parsed.Meta.Prompt?.Trim();
                        open.IncomingMarkdown = parsed.Body;
                        open.DetectedUtc = now;
                        conflicts++;
                        continue;
                    }

                    var number = numbers.GetValueOrDefault((key, language)) + 1;
                    numbers[(key, language)] = number;
                    var version = NewVersion(key, language, number, parsed.Meta.Title!, minutes, parsed.Meta.Prompt?.Trim(), parsed.Body, VersionSource.Import, now, actorId);
                    await PublishAsync(state, version, now, actorId, cancellationToken);
                    state.ImportedHash = hash;
                    state.EditedSinceImport = false;
                    created++;
                }

                // After the assignments, so a rubric can find the assignment it is for.
                foreach (var file in files.Where(IsRubric).Order(StringComparer.Ordinal))
                {
                    created += await ImportRubricAsync(contentRoot, Path.Combine(moduleDir, file), moduleId, language, lessons, kit, issues, cancellationToken);
                }
            }
        }

        long? published = null;
        if (created > 0 || conflicts > 0)
        {
            published = await BumpGenerationAsync(db, cancellationToken);
            db.AddAudit(now, actorId, "curriculum.imported", contentRoot.Length > 200 ? contentRoot[^200..] : contentRoot, $"{created} new, {conflicts} conflicts, {issues.Count} issues");
        }

        await RememberAsync(issues.Count == 0 ? fingerprint : null, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        watch.Published(published);
        return Finish(new ImportReport(created, unchanged, conflicts, issues, now));
    }

    /// <summary>
    /// Stores the fingerprint of a clean import, with the import's changes; after an import with issues clears it, so
    /// the next start reads the folder again (and reports the issues again) even if the files go back to an earlier state.
    /// </summary>
    private async Task RememberAsync(string? fingerprint, DateTime now, CancellationToken cancellationToken)
    {
        var row = await db.Set<ContentFingerprint>().FindAsync([1], cancellationToken);
        if (row is null)
        {
            row = new ContentFingerprint { Id = 1 };
            db.Set<ContentFingerprint>().Add(row);
        }

        row.Value = fingerprint ?? "";
        row.ImportedUtc = now;
    }

    private ImportReport Finish(ImportReport report)
    {
        foreach (var issue in report.Issues)
        {
            logger.LogWarning("Content import: {Issue}", issue.ToString());
        }

        holder.Last = report;
        return report;
    }

    internal LessonVersion NewVersion(string key, string language, int number, string title, int minutes, string? prompt, string markdown, VersionSource source, DateTime now, Guid? actorId)
    {
        var rendered = renderer.Render(markdown);
        return new LessonVersion
        {
            LessonKey = key,
            Language = language,
            Number = number,
            Title = title,
            ReadingMinutes = minutes,
            Prompt = prompt,
            Markdown = markdown,
            Html = rendered.Html,
            TocHtml = rendered.TocHtml,
            Status = VersionStatus.Draft,
            Source = source,
            CreatedUtc = now,
            CreatedBy = actorId,
        };
    }

    /// <summary>Makes <paramref name="version"/> the published one; the previous published version is superseded.</summary>
    internal async Task PublishAsync(LessonLanguageState state, LessonVersion version, DateTime now, Guid? actorId, CancellationToken cancellationToken)
    {
        if (state.PublishedVersionId is { } previous)
        {
            var old = await db.Set<LessonVersion>().FindAsync([previous], cancellationToken);
            if (old is not null)
            {
                old.Status = VersionStatus.Superseded;
            }
        }

        version.Status = VersionStatus.Published;
        version.PublishedUtc = now;
        version.PublishedBy = actorId;
        if (version.Id == 0)
        {
            db.Set<LessonVersion>().Add(version);
            await db.SaveChangesAsync(cancellationToken);
        }

        state.PublishedVersionId = version.Id;
        state.Revision++;
    }

    /// <summary>Moves the content generation (saved with the caller's changes); the value is the new generation, for <see cref="GenerationWatch.Published"/> after the commit.</summary>
    public static async Task<long> BumpGenerationAsync(DbContext db, CancellationToken cancellationToken)
    {
        var row = await db.Set<CurriculumGeneration>().FindAsync([1], cancellationToken);
        if (row is null)
        {
            db.Set<CurriculumGeneration>().Add(new CurriculumGeneration { Id = 1, Generation = 1 });
            return 1;
        }

        return ++row.Generation;
    }

    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n"))));

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
