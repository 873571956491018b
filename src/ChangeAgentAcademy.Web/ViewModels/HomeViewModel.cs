using ChangeAgentAcademy.Data;
using ChangeAgentAcademy.Modules;
using ChangeAgentAcademy.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ChangeAgentAcademy.Web.Controllers;

public sealed record HomeViewModel(string Name, string? Team, IReadOnlyList<string> Roles, IReadOnlyList<DashboardPanel> Panels);
