namespace ChangeAgentAcademy.People.ViewModels;

public sealed record TeamOption(Guid Id, string Name);
