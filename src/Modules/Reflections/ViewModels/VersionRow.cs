namespace ChangeAgentAcademy.Reflections.ViewModels;

public sealed record VersionRow(int Number, DateTime SubmittedUtc, bool Late, bool SubmittedDespiteWarning, string Text);
