namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record GroupRow(Guid Id, string Name, string Supervisor, int Members, DateTime? NextUtc, bool IsSupervisor, bool IsMember);
