using ChangeAgentAcademy.Reflections.Data;
using ChangeAgentAcademy.Reflections.ViewModels;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Reflections.Services;

/// <summary>Reading a trainer's own comment bank: nobody sees another trainer's saved comments.</summary>
public sealed class CommentBankPages(DbContext db)
{
    private const int LabelLength = 60;

    public async Task<CommentBankViewModel> PageAsync(Guid me) =>
        new() { Comments = await db.Set<SavedComment>().AsNoTracking().Where(c => c.OwnerId == me).OrderBy(c => c.Text).Select(c => new SavedCommentRow(c.Id, c.Text, c.UpdatedUtc)).ToListAsync() };

    public async Task<IReadOnlyList<CommentOption>> OptionsAsync(Guid me) =>
        (await db.Set<SavedComment>().AsNoTracking().Where(c => c.OwnerId == me).OrderBy(c => c.Text).Select(c => new { c.Id, c.Text }).ToListAsync())
            .Select(c => new CommentOption(c.Id, Label(c.Text), c.Text)).ToList();

    /// <summary>The text of <paramref name="id"/> when it is the trainer's own; null otherwise.</summary>
    public Task<string?> TextAsync(long id, Guid me) =>
        db.Set<SavedComment>().Where(c => c.Id == id && c.OwnerId == me).Select(c => c.Text).FirstOrDefaultAsync();

    private static string Label(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= LabelLength ? line : line[..LabelLength].TrimEnd() + "…";
    }
}
