using System.Globalization;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.Resources;
using ChangeAgentAcademy.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>A trainer adds, edits and deletes their own saved comments; someone else's id is NotFound.</summary>
public sealed class CommentBankService(DbContext db, ProgrammeTime time, IStringLocalizer<ReflectionsText> S)
{
    public const int MaxComments = 200;

    public async Task<Result> AddAsync(Guid me, string? text, CancellationToken ct = default)
    {
        text = (text ?? "").Trim();
        if (Problem(text) is { } problem)
        {
            return problem;
        }

        if (await db.Set<SavedComment>().CountAsync(c => c.OwnerId == me, ct) >= MaxComments)
        {
            return Result.Invalid(S["CommentBankFull", MaxComments].Value);
        }

        var now = time.UtcNow;
        db.Set<SavedComment>().Add(new SavedComment { OwnerId = me, Text = text, CreatedUtc = now, UpdatedUtc = now });
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    public async Task<Result> UpdateAsync(long id, Guid me, string? text, CancellationToken ct = default)
    {
        var comment = await db.Set<SavedComment>().FirstOrDefaultAsync(c => c.Id == id && c.OwnerId == me, ct);
        if (comment is null)
        {
            return Result.NotFound();
        }

        text = (text ?? "").Trim();
        if (Problem(text) is { } problem)
        {
            return problem;
        }

        comment.Text = text;
        comment.UpdatedUtc = time.UtcNow;
        await db.SaveChangesAsync(ct);
        return Result.Success();
    }

    public async Task<Result> DeleteAsync(long id, Guid me, CancellationToken ct = default) =>
        await db.Set<SavedComment>().Where(c => c.Id == id && c.OwnerId == me).ExecuteDeleteAsync(ct) == 0 ? Result.NotFound() : Result.Success();

    private Result? Problem(string text) =>
        text.Length == 0 ? Result.Invalid(S["CommentEmpty"].Value)
        : text.Length > SavedCommentConfiguration.MaxText ? Result.Invalid(S["CommentTooLong", SavedCommentConfiguration.MaxText.ToString("N0", CultureInfo.CurrentCulture)].Value)
        : null;
}
