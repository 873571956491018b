namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record FacilitatorOption(Guid Id, string Name);
