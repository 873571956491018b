namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record LanguageStatus(string Language, int? PublishedNumber, bool HasNewerDraft, bool HasConflict);
