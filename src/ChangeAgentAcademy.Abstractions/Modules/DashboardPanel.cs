namespace ChangeAgentAcademy.Modules;

/// <summary>A module's panel on the start page: a view component rendered for people who hold <paramref name="Permission"/>.</summary>
public sealed record DashboardPanel(string ViewComponent, int Order, string? Permission = null);
