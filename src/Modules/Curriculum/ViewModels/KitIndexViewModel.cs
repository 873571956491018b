using ChangeAgentAcademy.Curriculum.Data;

namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record KitIndexViewModel(IReadOnlyList<KitGroup> Groups);
