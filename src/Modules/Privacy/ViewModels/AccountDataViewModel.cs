namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>The person's own data page: their exports, whether an erasure request waits, and how long exports are kept.</summary>
public sealed record AccountDataViewModel(IReadOnlyList<ExportRow> Exports, DateTime? ErasureRequestedUtc, int ExportDays);
