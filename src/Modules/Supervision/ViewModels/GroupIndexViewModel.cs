namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record GroupIndexViewModel(IReadOnlyList<GroupRow> Groups, bool CanCreate);
