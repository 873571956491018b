namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record Person(Guid Id, string Name);
