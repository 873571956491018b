namespace ChangeAgentAcademy.Privacy.ViewModels;

public sealed record PersonRow(Guid Id, string Name, string Email);
