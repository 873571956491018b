namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>
/// The person's own data page: their exports and how long exports are kept, their erasure request if one is open, and
/// what would keep their data if they were erased now (each provider's holds, in words for the person; empty when nothing would); why a withdrawal was refused, if it was.
/// </summary>
public sealed record AccountDataViewModel(IReadOnlyList<ExportRow> Exports, OwnErasureRow? Erasure, int ExportDays, IReadOnlyList<string> Holds, string? Refusal = null);
