using ChangeAgentAcademy.Text;

namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>The trainer's comment bank: their saved comments, and the text typed in the form that was refused (kept).</summary>
public sealed class CommentBankViewModel
{
    public IReadOnlyList<SavedCommentRow> Comments { get; init; } = [];

    public string NewText { get; set; } = "";

    /// <summary>The comment whose edit was refused, with the text typed for it.</summary>
    public long? EditingId { get; set; }

    public string EditingText { get; set; } = "";

    /// <summary>Set when the comment typed (new, or <see cref="EditingId"/>'s) may identify a citizen: nothing saved, the warning shown by that form.</summary>
    public CitizenDataWarning? CitizenData { get; set; }
}
