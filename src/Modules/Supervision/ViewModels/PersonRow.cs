namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record PersonRow(Guid Id, string Name);
