using ChangeAgentAcademy.Modules;

namespace ChangeAgentAcademy.Web.ViewModels;

public sealed record HomeViewModel(string Name, string? Team, IReadOnlyList<string> Roles, IReadOnlyList<DashboardPanel> Panels);
