namespace ChangeAgentAcademy.Workshops.ViewModels;

public sealed record TeamOption(Guid Id, string Name);
