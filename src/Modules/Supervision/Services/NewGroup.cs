using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Messaging;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Supervision.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ChangeAgentAcademy.Supervision.Services;

public sealed record NewGroup(string Name, Guid SupervisorId, IReadOnlyList<Guid> MemberIds, DateOnly StartDate, DayOfWeek Weekday, TimeOnly StartTime, string? Place);
