namespace ChangeAgentAcademy.Outcomes.Resources;

public sealed class OutcomesText;
