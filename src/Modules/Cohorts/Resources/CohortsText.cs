namespace ChangeAgentAcademy.Cohorts.Resources;

public sealed class CohortsText;
