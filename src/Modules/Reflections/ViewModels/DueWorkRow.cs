using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewModels;

/// <summary>One of the person's own assignments on the start page: its editor, title, due date and state.</summary>
public sealed record DueWorkRow(long Id, string Title, DateTime DueUtc, WorkStatus Status, bool Overdue);
