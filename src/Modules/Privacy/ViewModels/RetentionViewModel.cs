namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>What the next retention run deletes, counted now, with the periods that apply.</summary>
public sealed record RetentionViewModel(IReadOnlyList<RetentionRow> Rows, DateTime AtUtc);
