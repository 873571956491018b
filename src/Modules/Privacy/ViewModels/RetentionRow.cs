namespace ChangeAgentAcademy.Privacy.ViewModels;

public sealed record RetentionRow(string Module, string Entity, string Period, int Count);
