namespace ChangeAgentAcademy.Privacy.ViewModels;

public sealed record RecordViewModel(IReadOnlyList<RecordRow> Rows);
