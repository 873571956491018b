namespace ChangeAgentAcademy.Cohorts.ViewModels;

public sealed record TrainerOption(Guid Id, string Name);
