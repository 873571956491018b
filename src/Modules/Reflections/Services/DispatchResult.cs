namespace ChangeAgentAcademy.Reflections.Services;

public sealed record DispatchResult(int Scheduled, int Released, int WorkCreated, int Overdue, int Reminders, int Digests, int Notices);
