namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record LanguageStatusRow(string Language, int? PublishedNumber, bool HasNewerDraft, bool HasConflict);
