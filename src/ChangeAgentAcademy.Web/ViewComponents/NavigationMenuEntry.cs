namespace ChangeAgentAcademy.Web.ViewComponents;

/// <summary>One entry of a built menu: its group (null for the top row), address, text, and its group's text.</summary>
public sealed record NavigationMenuEntry(string? Group, string Url, string Text, string? GroupText);
