using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Security;
using ChangeAgentAcademy.Supervision.Data;
using ChangeAgentAcademy.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Supervision.ViewComponents;

public sealed record NextSession(Guid GroupId, long SessionId, string Group, DateTime StartsUtc, string? Place, bool Supervising, bool Presenting);
