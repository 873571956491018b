namespace ChangeAgentAcademy.Modules;

/// <summary>
/// A menu entry. The page is named by its controller (and action, <c>Index</c> unless said), so the menu follows
/// the routes and a renamed route needs no change here; <see cref="Path"/> is only for what is not a controller
/// (the jobs dashboard). <paramref name="TextKey"/> is looked up in <paramref name="TextResource"/>'s resource file.
/// </summary>
public sealed record NavigationItem(string Controller, string TextKey, Type TextResource, int Order, string? Permission = null)
{
    public string Action { get; init; } = "Index";

    /// <summary>
    /// The group the entry is shown in (<see cref="NavigationGroups"/>), or null for the menu's top row. A group
    /// with a single visible entry is shown as that entry.
    /// </summary>
    public string? Group { get; init; }

    /// <summary>A fixed path for an endpoint that is not a controller; null for a controller's page.</summary>
    public string? Path { get; init; }

    public static NavigationItem ForPath(string path, string textKey, Type textResource, int order, string? permission = null, string? group = null) =>
        new("", textKey, textResource, order, permission) { Path = path, Group = group };
}
