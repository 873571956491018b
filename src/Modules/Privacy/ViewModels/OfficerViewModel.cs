namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>The officer's page: waiting erasure requests, a search for anyone by name or address, and the exports they asked for.</summary>
public sealed record OfficerViewModel(IReadOnlyList<ErasureRequestRow> Requests, string? Query, IReadOnlyList<PersonRow> Found, IReadOnlyList<ExportRow> Exports);
