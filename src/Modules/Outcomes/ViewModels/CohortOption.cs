namespace ChangeAgentAcademy.Outcomes.ViewModels;

public sealed record CohortOption(Guid Id, string Name);
