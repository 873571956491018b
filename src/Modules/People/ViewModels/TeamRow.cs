namespace ChangeAgentAcademy.People.ViewModels;

public sealed record TeamRow(Guid Id, string Name, string? Leader, int Members);
