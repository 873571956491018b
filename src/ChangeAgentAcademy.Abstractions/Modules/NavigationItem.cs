namespace ChangeAgentAcademy.Modules;

/// <summary>A menu entry. <paramref name="TextKey"/> is looked up in <paramref name="TextResource"/>'s resource file.</summary>
public sealed record NavigationItem(string Url, string TextKey, Type TextResource, int Order, string? Permission = null);
