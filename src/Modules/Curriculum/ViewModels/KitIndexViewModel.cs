namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record KitIndexViewModel(IReadOnlyList<KitGroupRow> Groups);
