namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record KitIndexViewModel(IReadOnlyList<KitGroup> Groups);
