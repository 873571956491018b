namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record KitRow(string Id, string Title, string Summary, IReadOnlyList<string> Audience, bool IsFallback);
