using ChangeAgentAcademy.Reflections.Data;

namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record ScheduleRow(long Id, string Title, int ModuleNumber, AssignmentKind Kind, DateTime ReleaseUtc, DateTime DueUtc, bool Released, bool Moved);
