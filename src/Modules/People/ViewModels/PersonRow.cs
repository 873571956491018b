namespace ChangeAgentAcademy.People.ViewModels;

public sealed record PersonRow(Guid Id, string Name, string Email, string? Team, IReadOnlyList<string> Roles, bool Locked);
