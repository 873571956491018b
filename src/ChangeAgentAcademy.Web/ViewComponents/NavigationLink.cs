namespace ChangeAgentAcademy.Web.ViewComponents;

/// <summary>
/// One entry of the menu: a link, or a group (a disclosure) whose <see cref="Children"/> are the links and whose
/// <see cref="Url"/> is empty; <see cref="Current"/> then says that one of the children is the current page.
/// </summary>
public sealed record NavigationLink(string Url, string Text, bool Current)
{
    public IReadOnlyList<NavigationLink> Children { get; init; } = [];

    public bool IsGroup => Children.Count > 0;
}
