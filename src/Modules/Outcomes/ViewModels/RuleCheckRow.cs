namespace ChangeAgentAcademy.Outcomes.ViewModels;

public sealed record RuleCheckRow(string Kind, int Have, int Need, bool Met);
