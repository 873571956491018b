namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record KitGroup(string Kind, IReadOnlyList<KitRow> Documents);
