namespace ChangeAgentAcademy.Privacy.ViewModels;

/// <summary>One kind of personal data in the record of processing.</summary>
public sealed record RecordRow(string Module, string Table, IReadOnlyList<string> Columns, string Purpose, string Readers, string Retention, string Erasure);
