namespace ChangeAgentAcademy.Supervision.Services;

public sealed record NewGroup(string Name, Guid SupervisorId, IReadOnlyList<Guid> MemberIds, DateOnly StartDate, DayOfWeek Weekday, TimeOnly StartTime, string? Place);
