namespace ChangeAgentAcademy.Curriculum.ViewModels;

public sealed record HistoryViewModel(string ModuleId, string Slug, string Language, string Title, IReadOnlyList<VersionRow> Versions);
