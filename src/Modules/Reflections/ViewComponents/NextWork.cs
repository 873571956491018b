using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewComponents;

/// <summary>One of the person's own assignments on the start page: its editor, title, due date and state.</summary>
public sealed record NextWork(long Id, string Title, DateTime DueUtc, WorkStatus Status, bool Overdue);
