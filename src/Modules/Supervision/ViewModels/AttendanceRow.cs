namespace ChangeAgentAcademy.Supervision.ViewModels;

public sealed record AttendanceRow(Guid Id, string Name, bool? Present, bool IsPresenter, bool? Presented);
