namespace ChangeAgentAcademy.Outcomes.ViewModels;

public sealed record RulesViewModel(IReadOnlyList<RuleFormViewModel> Tracks);
