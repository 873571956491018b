namespace ChangeAgentAcademy.Modules;

/// <summary><paramref name="Waiting"/>: handed in and waiting for a trainer.</summary>
public sealed record AssignmentCounts(int Released, int Submitted, int Accepted, int Overdue, int Waiting);
