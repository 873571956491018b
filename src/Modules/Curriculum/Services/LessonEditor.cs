using ChangeAgentAcademy.Curriculum.Data;
using ChangeAgentAcademy.Curriculum.Resources;
using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Curriculum.Services;

/// <summary>
/// Browser authoring: drafts, publishing, restoring. Every save checks the revision the author started
/// from, so the second of two people publishing at once gets a conflict instead of overwriting the first.
/// </summary>
public sealed class LessonEditor(DbContext db, ContentImporter importer, TimeProvider clock, IStringLocalizer<CurriculumText> S, GenerationWatch watch)
{
    /// <summary>Saves a draft or publishes; the value is the new version's number. NotFound without the lesson; Conflict when someone saved first.</summary>
    public async Task<Result<int>> SaveAsync(string key, string language, LessonEdit edit, bool publish, Guid actorId, CancellationToken cancellationToken = default)
    {
        if (!await db.Set<Lesson>().AnyAsync(l => l.Key == key, cancellationToken))
        {
            return Result<int>.From(Result.NotFound());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var state = await db.Set<LessonLanguageState>().FirstOrDefaultAsync(s => s.LessonKey == key && s.Language == language, cancellationToken);
        if (state is null)
        {
            state = new LessonLanguageState { LessonKey = key, Language = language };
            db.Set<LessonLanguageState>().Add(state);
        }

        if (state.Revision != edit.ExpectedRevision)
        {
            return Result<int>.From(Result.Conflict(S["EditConflict"].Value));
        }

        var number = await NextNumberAsync(key, language, cancellationToken);
        long? published = null;
        var version = importer.NewVersion(key, language, number, edit.Title.Trim(), edit.ReadingMinutes, edit.Prompt?.Trim(), edit.Markdown, VersionSource.Editor, now, actorId);
        if (publish)
        {
            await importer.PublishAsync(state, version, now, actorId, cancellationToken);
            state.EditedSinceImport = true;
            published = await ContentImporter.BumpGenerationAsync(db, cancellationToken);
            db.AddAudit(now, actorId, "curriculum.published", $"{key}/{language}", $"version {number}");
        }
        else
        {
            db.Set<LessonVersion>().Add(version);
            state.Revision++;
        }

        if (!await TrySaveAsync(cancellationToken))
        {
            return Result<int>.From(Result.Conflict(S["EditConflict"].Value));
        }

        await transaction.CommitAsync(cancellationToken);
        watch.Published(published);
        return Result<int>.Success(version.Number);
    }

    /// <summary>Publishes a copy of an old version as the newest version (history is never rewritten); the value is the copy's number.</summary>
    public async Task<Result<int>> RestoreAsync(string key, string language, long versionId, Guid actorId, CancellationToken cancellationToken = default)
    {
        var old = await db.Set<LessonVersion>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId && v.LessonKey == key && v.Language == language, cancellationToken);
        var state = await db.Set<LessonLanguageState>().FirstOrDefaultAsync(s => s.LessonKey == key && s.Language == language, cancellationToken);
        if (old is null || state is null)
        {
            return Result<int>.From(Result.NotFound());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var copy = importer.NewVersion(key, language, await NextNumberAsync(key, language, cancellationToken), old.Title, old.ReadingMinutes, old.Prompt, old.Markdown, VersionSource.Restore, now, actorId);
        await importer.PublishAsync(state, copy, now, actorId, cancellationToken);
        state.EditedSinceImport = true;
        var published = await ContentImporter.BumpGenerationAsync(db, cancellationToken);
        db.AddAudit(now, actorId, "curriculum.restored", $"{key}/{language}", $"version {old.Number} as {copy.Number}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        watch.Published(published);
        return Result<int>.Success(copy.Number);
    }

    /// <summary>The administrator's choice for a changed file that met a browser edit.</summary>
    public async Task<Result> ResolveConflictAsync(long conflictId, bool takeFile, Guid actorId, CancellationToken cancellationToken = default)
    {
        var conflict = await db.Set<ImportConflict>().FirstOrDefaultAsync(c => c.Id == conflictId && c.Resolution == null, cancellationToken);
        if (conflict is null)
        {
            return Result.NotFound();
        }

        var state = await db.Set<LessonLanguageState>().FirstAsync(s => s.LessonKey == conflict.LessonKey && s.Language == conflict.Language, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        long? published = null;
        if (takeFile)
        {
            var version = importer.NewVersion(conflict.LessonKey, conflict.Language, await NextNumberAsync(conflict.LessonKey, conflict.Language, cancellationToken),
                conflict.IncomingTitle, conflict.IncomingReadingMinutes, conflict.IncomingPrompt, conflict.IncomingMarkdown, VersionSource.Import, now, actorId);
            await importer.PublishAsync(state, version, now, actorId, cancellationToken);
            state.EditedSinceImport = false;
            published = await ContentImporter.BumpGenerationAsync(db, cancellationToken);
        }

        // Either way the file's current text has been seen: it is not raised again until it changes.
        state.ImportedHash = conflict.IncomingHash;
        conflict.Resolution = takeFile ? ConflictResolution.TookFileVersion : ConflictResolution.KeptBrowserVersion;
        conflict.ResolvedBy = actorId;
        conflict.ResolvedUtc = now;
        db.AddAudit(now, actorId, "curriculum.conflict-resolved", $"{conflict.LessonKey}/{conflict.Language}", conflict.Resolution.ToString());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        watch.Published(published);
        return Result.Success();
    }

    private async Task<int> NextNumberAsync(string key, string language, CancellationToken cancellationToken) =>
        (await db.Set<LessonVersion>().Where(v => v.LessonKey == key && v.Language == language).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;

    private async Task<bool> TrySaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two saves raced past the revision check: the unique (lesson, language, number) or the
            // revision token stopped the second one.
            return false;
        }
    }
}
