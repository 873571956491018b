namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record UpcomingRow(string Title, string ModuleTitle, DateTime ReleaseUtc, DateTime DueUtc);
