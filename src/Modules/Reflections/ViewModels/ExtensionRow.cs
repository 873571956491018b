namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record ExtensionRow(long WorkId, string Trainee, string Title, DateTime DueUtc, bool HasExtension, string Status);
