namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record KitGroupRow(string Kind, IReadOnlyList<KitRow> Documents);
