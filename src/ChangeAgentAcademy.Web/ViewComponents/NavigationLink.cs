namespace ChangeAgentAcademy.Web.ViewComponents;

public sealed record NavigationLink(string Url, string Text, bool Current);
